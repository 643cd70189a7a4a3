# question: q3
# why: writes into the existing hyperparams dict, so the caller's state changes too.
def set_learning_rate(opt_state, learning_rate):
    """A copy of opt_state with every injected learning rate set to learning_rate."""
    kinds = (optax.InjectStatefulHyperparamsState, optax.InjectHyperparamsState)
    found = []

    def replace(node):
        if not isinstance(node, kinds):
            return node
        found.append(node)
        old = node.hyperparams["learning_rate"]
        node.hyperparams["learning_rate"] = jnp.asarray(learning_rate, dtype=old.dtype)
        return node

    new_state = jax.tree.map(replace, opt_state, is_leaf=lambda x: isinstance(x, kinds))
    if not found:
        raise ValueError("no inject_hyperparams state in opt_state")
    return new_state

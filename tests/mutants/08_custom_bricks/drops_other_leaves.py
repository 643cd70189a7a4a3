# question: q3
# why: returns None for every leaf that is not an injected state: the rest of the chain's state is lost.
def set_learning_rate(opt_state, learning_rate):
    """A copy of opt_state with every injected learning rate set to learning_rate."""
    kinds = (optax.InjectStatefulHyperparamsState, optax.InjectHyperparamsState)
    found = []

    def replace(node):
        if not isinstance(node, kinds):
            return None
        found.append(node)
        old = node.hyperparams["learning_rate"]
        hyperparams = dict(node.hyperparams)
        hyperparams["learning_rate"] = jnp.asarray(learning_rate, dtype=old.dtype)
        return node._replace(hyperparams=hyperparams)

    new_state = jax.tree.map(replace, opt_state, is_leaf=lambda x: isinstance(x, kinds))
    if not found:
        raise ValueError("no inject_hyperparams state in opt_state")
    return new_state

# question: q3
# why: tests `if not node` instead of the state's type: an array leaf of another brick is taken for an injected state.
def set_learning_rate(opt_state, learning_rate):
    """A copy of opt_state with every injected learning rate set to learning_rate."""
    kinds = (optax.InjectStatefulHyperparamsState, optax.InjectHyperparamsState)
    found = []

    def replace(node):
        if not node:
            return node
        found.append(node)
        old = node.hyperparams["learning_rate"]
        hyperparams = dict(node.hyperparams)
        hyperparams["learning_rate"] = jnp.asarray(learning_rate, dtype=old.dtype)
        return node._replace(hyperparams=hyperparams)

    new_state = jax.tree.map(replace, opt_state, is_leaf=lambda x: isinstance(x, kinds))
    if not found:
        raise ValueError("no inject_hyperparams state in opt_state")
    return new_state

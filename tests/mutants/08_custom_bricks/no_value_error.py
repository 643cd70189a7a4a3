# question: q3
# why: returns the state unchanged when there is nothing to set, hiding the mistake.
def set_learning_rate(opt_state, learning_rate):
    """A copy of opt_state with every injected learning rate set to learning_rate."""
    kinds = (optax.InjectStatefulHyperparamsState, optax.InjectHyperparamsState)
    found = []

    def replace(node):
        if not isinstance(node, kinds):
            return node
        found.append(node)
        old = node.hyperparams["learning_rate"]
        hyperparams = dict(node.hyperparams)
        hyperparams["learning_rate"] = jnp.asarray(learning_rate, dtype=old.dtype)
        return node._replace(hyperparams=hyperparams)

    return jax.tree.map(replace, opt_state, is_leaf=lambda x: isinstance(x, kinds))

# question: q3
# how: maps over every leaf with its key path and replaces the leaves at .hyperparams["learning_rate"].
def set_learning_rate(opt_state, learning_rate):
    """A copy of opt_state with every injected learning rate set to learning_rate."""
    hits = []

    def visit(path, leaf):
        if (len(path) >= 2 and isinstance(path[-2], jax.tree_util.GetAttrKey) and path[-2].name == "hyperparams"
                and isinstance(path[-1], jax.tree_util.DictKey) and path[-1].key == "learning_rate"):
            hits.append(path)
            return jnp.full_like(leaf, learning_rate)
        return leaf

    new_state = jax.tree_util.tree_map_with_path(visit, opt_state)
    if not hits:
        raise ValueError("opt_state holds no injected learning rate")
    return new_state

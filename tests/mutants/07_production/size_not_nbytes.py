# question: q2
# why: counts elements (x.size) of the float leaves, so state and params of different dtypes compare wrongly.
def state_memory_ratio(tx: optax.GradientTransformation, params) -> float:
    state = tx.init(params)
    floats = [x for x in jax.tree.leaves(state) if jnp.issubdtype(x.dtype, jnp.floating)]
    return sum(x.size for x in floats) / sum(x.size for x in jax.tree.leaves(params))

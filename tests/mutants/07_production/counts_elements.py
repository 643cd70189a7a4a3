# question: q2
# why: counts the elements of every leaf instead of the bytes of the float leaves, so step counters inflate the ratio.
def state_memory_ratio(tx: optax.GradientTransformation, params) -> float:
    """Bytes of floating-point optimizer state divided by the bytes of params.

    Example:
        >>> state_memory_ratio(optax.adam(1e-3), {"w": jnp.ones((10, 10))})  # 2.0
    """
    state = tx.init(params)
    state_floats = sum(x.size for x in jax.tree.leaves(state))
    param_floats = sum(x.size for x in jax.tree.leaves(params))
    return state_floats / param_floats

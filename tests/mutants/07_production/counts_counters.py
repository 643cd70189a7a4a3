# question: q2
# why: counts every leaf of the state, so the int32 step counters are taken for parameter memory.
def state_memory_ratio(tx: optax.GradientTransformation, params) -> float:
    """Bytes of floating-point optimizer state divided by the bytes of params.

    Example:
        >>> state_memory_ratio(optax.adam(1e-3), {"w": jnp.ones((10, 10))})  # 2.0
    """
    state = tx.init(params)
    state_bytes = sum(x.nbytes for x in jax.tree.leaves(state))
    param_bytes = sum(x.nbytes for x in jax.tree.leaves(params))
    return state_bytes / param_bytes

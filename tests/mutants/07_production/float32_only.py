# question: q2
# why: counts only float32 leaves, so bfloat16 moments are left out.
def state_memory_ratio(tx: optax.GradientTransformation, params) -> float:
    state = tx.init(params)
    state_bytes = sum(x.nbytes for x in jax.tree.leaves(state) if x.dtype == jnp.float32)
    return state_bytes / sum(x.nbytes for x in jax.tree.leaves(params))

# question: q2
# how: floats found with jnp.finfo, which accepts every floating dtype (bfloat16 too) and rejects integers.
def state_memory_ratio(tx: optax.GradientTransformation, params) -> float:
    def is_float(x):
        try:
            jnp.finfo(x.dtype)
            return True
        except ValueError:
            return False

    state_bytes = sum(x.nbytes for x in jax.tree.leaves(tx.init(params)) if is_float(x))
    return state_bytes / sum(x.nbytes for x in jax.tree.leaves(params))

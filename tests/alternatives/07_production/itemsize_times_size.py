# question: q2
# how: bytes as size * dtype.itemsize, floats picked with jnp.issubdtype on inexact types.
def state_memory_ratio(tx: optax.GradientTransformation, params) -> float:
    def nbytes(x):
        return x.size * x.dtype.itemsize

    state = [x for x in jax.tree_util.tree_leaves(tx.init(params)) if jnp.issubdtype(x.dtype, jnp.inexact)]
    return float(sum(map(nbytes, state))) / float(sum(map(nbytes, jax.tree_util.tree_leaves(params))))

# question: q2
# how: jax.lax.cond chooses between the untouched and the rescaled tree.
def clip_by_global_norm_from_scratch(max_norm: float) -> optax.GradientTransformation:
    def init_fn(params):
        return optax.EmptyState()

    def update_fn(updates, state, params=None):
        norm = optax.tree.norm(updates)
        clipped = jax.lax.cond(
            norm > max_norm,
            lambda t: jax.tree.map(lambda u: (u / norm) * max_norm, t),
            lambda t: t,
            updates,
        )
        return clipped, state

    return optax.GradientTransformation(init_fn, update_fn)

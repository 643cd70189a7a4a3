# question: q2
# how: one factor min(1, max_norm / norm), guarded against a zero norm.
def clip_by_global_norm_from_scratch(max_norm: float) -> optax.GradientTransformation:
    def update_fn(updates, state, params=None):
        norm = optax.tree.norm(updates)
        safe = jnp.where(norm == 0.0, 1.0, norm)
        factor = jnp.minimum(1.0, max_norm / safe)
        clipped = jax.tree.map(lambda u: jnp.where(norm > max_norm, u * factor, u), updates)
        return clipped, state

    return optax.GradientTransformation(lambda params: optax.EmptyState(), update_fn)

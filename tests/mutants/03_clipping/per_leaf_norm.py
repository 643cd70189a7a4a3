# question: q2
# why: clips each leaf by its own norm, which changes the direction of the whole gradient.
def clip_by_global_norm_from_scratch(max_norm: float) -> optax.GradientTransformation:
    """Rescales the updates so that their global norm is at most max_norm."""
    def init_fn(params):
        return optax.EmptyState()

    def update_fn(updates, state, params=None):
        def clip_leaf(u):
            n = jnp.linalg.norm(jnp.ravel(u))
            return jnp.where(n > max_norm, u * max_norm / jnp.where(n > 0, n, 1.0), u)
        return jax.tree_util.tree_map(clip_leaf, updates), state

    return optax.GradientTransformation(init_fn, update_fn)

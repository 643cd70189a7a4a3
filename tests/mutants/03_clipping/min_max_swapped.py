# question: q2
# why: uses max instead of min for the factor, so small gradients are scaled up to max_norm.
def clip_by_global_norm_from_scratch(max_norm: float) -> optax.GradientTransformation:
    """Rescales the updates so that their global norm is at most max_norm."""
    def init_fn(params):
        return optax.EmptyState()

    def update_fn(updates, state, params=None):
        norm = optax.tree.norm(updates)
        factor = jnp.maximum(1.0, max_norm / jnp.maximum(norm, 1e-12))
        return jax.tree_util.tree_map(lambda u: u * factor, updates), state

    return optax.GradientTransformation(init_fn, update_fn)

# question: q2
# why: always divides by the norm (normalising every gradient), which also turns zeros into NaN.
def clip_by_global_norm_from_scratch(max_norm: float) -> optax.GradientTransformation:
    """Rescales the updates so that their global norm is at most max_norm."""
    def init_fn(params):
        return optax.EmptyState()

    def update_fn(updates, state, params=None):
        norm = optax.tree.norm(updates)
        return jax.tree_util.tree_map(lambda u: u / norm * max_norm, updates), state

    return optax.GradientTransformation(init_fn, update_fn)

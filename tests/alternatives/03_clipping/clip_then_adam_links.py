# question: q4
# how: one flat chain: clipping, then Adam's two links.
def make_clipped_adam(learning_rate, max_norm):
    """Adam whose gradients are clipped to global norm max_norm, so one bad batch cannot derail it."""
    return optax.chain(
        optax.clip_by_global_norm(max_norm),
        optax.scale_by_adam(),
        optax.scale_by_learning_rate(learning_rate),
    )

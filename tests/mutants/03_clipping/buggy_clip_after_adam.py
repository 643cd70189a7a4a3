# question: q4
# why: the colleague's code unchanged: clipping after Adam clips Adam's small update, never the raw gradient.
def make_clipped_adam(learning_rate, max_norm):
    """Adam whose gradients are clipped to global norm max_norm, so one bad batch cannot derail it."""
    return optax.chain(
        optax.adam(learning_rate),
        optax.clip_by_global_norm(max_norm),
    )

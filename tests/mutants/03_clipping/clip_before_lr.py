# question: q4
# why: a fix in the wrong place: moves the clipping between Adam's scaling and the learning rate, still after Adam.
def make_clipped_adam(learning_rate, max_norm):
    """Adam whose gradients are clipped to global norm max_norm, so one bad batch cannot derail it."""
    return optax.chain(
        optax.scale_by_adam(),
        optax.clip_by_global_norm(max_norm),
        optax.scale_by_learning_rate(learning_rate),
    )

# question: q4
# why: an over-fix: clips before Adam and keeps the old link after it, which also clips Adam's long steps.
def make_clipped_adam(learning_rate, max_norm):
    """Adam whose gradients are clipped to global norm max_norm, so one bad batch cannot derail it."""
    return optax.chain(
        optax.clip_by_global_norm(max_norm),
        optax.adam(learning_rate),
        optax.clip_by_global_norm(max_norm),
    )

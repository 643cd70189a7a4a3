# question: q4
# why: fixes the order for the demonstration's threshold only: clips at 1.0 whatever max_norm is.
def make_clipped_adam(learning_rate, max_norm):
    """Adam whose gradients are clipped to global norm max_norm, so one bad batch cannot derail it."""
    return optax.chain(
        optax.clip_by_global_norm(1.0),
        optax.adam(learning_rate),
    )

# question: q4
# why: moves the clipping first but clips each value (optax.clip), which turns the gradient.
def make_clipped_adam(learning_rate, max_norm):
    """Adam whose gradients are clipped to global norm max_norm, so one bad batch cannot derail it."""
    return optax.chain(
        optax.clip(max_norm),
        optax.adam(learning_rate),
    )

# question: q4
# how: optax.named_chain, so the state says which link is which.
def make_clipped_adam(learning_rate, max_norm):
    """Adam whose gradients are clipped to global norm max_norm, so one bad batch cannot derail it."""
    return optax.named_chain(
        ("clip", optax.clip_by_global_norm(max_norm)),
        ("adam", optax.adam(learning_rate)),
    )

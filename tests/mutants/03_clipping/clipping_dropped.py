# question: q4
# why: drops the clipping link, since it never clipped anything: plain Adam, still derailed by a spike.
def make_clipped_adam(learning_rate, max_norm):
    """Adam whose gradients are clipped to global norm max_norm, so one bad batch cannot derail it."""
    return optax.adam(learning_rate)

# question: q4
# why: replaces the bricks by optax.adamw (not allowed) and passes weight_decay positionally, where it sets b1 and leaves the decay at 1e-4.
def adamw_by_hand(learning_rate, weight_decay):
    return optax.adamw(learning_rate, weight_decay)

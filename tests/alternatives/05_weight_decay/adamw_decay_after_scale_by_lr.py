# question: q4
# how: the decay after scale(-lr), pre-multiplied by -lr: -lr * a + (-lr * wd) * w, the same update regrouped (equal to float32 rounding).
def adamw_by_hand(learning_rate, weight_decay):
    return optax.chain(
        optax.scale_by_adam(),
        optax.scale(-learning_rate),
        optax.add_decayed_weights(-learning_rate * weight_decay),
    )

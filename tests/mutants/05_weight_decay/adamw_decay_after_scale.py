# question: q4
# why: moves the decay past scale(-lr) instead of between the bricks: it is no longer multiplied by -lr, so the weights grow by weight_decay * w each step.
def adamw_by_hand(learning_rate, weight_decay):
    return optax.chain(
        optax.scale_by_adam(),
        optax.scale(-learning_rate),
        optax.add_decayed_weights(weight_decay),
    )

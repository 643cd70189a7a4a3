# question: q4
# how: decay between the bricks, and scale_by_learning_rate(lr) (which multiplies by -lr) in place of scale(-lr).
def adamw_by_hand(learning_rate, weight_decay):
    return optax.chain(
        optax.scale_by_adam(),
        optax.add_decayed_weights(weight_decay),
        optax.scale_by_learning_rate(learning_rate),
    )

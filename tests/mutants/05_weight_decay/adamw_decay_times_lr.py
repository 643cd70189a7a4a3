# question: q4
# why: over-fix: the decay is put between the bricks and also pre-multiplied by the learning rate, so scale(-lr) applies lr twice.
def adamw_by_hand(learning_rate, weight_decay):
    return optax.chain(
        optax.scale_by_adam(),
        optax.add_decayed_weights(learning_rate * weight_decay),
        optax.scale(-learning_rate),
    )

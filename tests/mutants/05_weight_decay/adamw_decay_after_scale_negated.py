# question: q4
# why: decay after scale(-lr) with the sign flipped: it shrinks, but by weight_decay instead of learning_rate * weight_decay per step.
def adamw_by_hand(learning_rate, weight_decay):
    return optax.chain(
        optax.scale_by_adam(),
        optax.scale(-learning_rate),
        optax.add_decayed_weights(-weight_decay),
    )

# question: q4
# why: the colleague's code unchanged: the decay goes in before Adam, so it is an L2 gradient that Adam divides by its running size (a decay-only step moves every weight by lr, whatever weight_decay).
def adamw_by_hand(learning_rate, weight_decay):
    return optax.chain(
        optax.add_decayed_weights(weight_decay),
        optax.scale_by_adam(),
        optax.scale(-learning_rate),
    )

# question: q4
# why: a fix that only works for the demo's zero gradients: drops scale_by_adam (what "normalised the decay away"), leaving SGD with weight decay.
def adamw_by_hand(learning_rate, weight_decay):
    return optax.chain(
        optax.add_decayed_weights(weight_decay),
        optax.scale(-learning_rate),
    )

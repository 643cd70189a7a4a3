# question: q3
# how: the decay in front of Adam's two primitives.
def adam_with_l2(learning_rate, weight_decay):
    return optax.chain(optax.add_decayed_weights(weight_decay), optax.scale_by_adam(), optax.scale(-learning_rate))

# question: q3
# why: adds the decay after the whole of Adam, so it is added to the negative update: weights grow.
def adam_with_l2(learning_rate, weight_decay):
    return optax.chain(optax.adam(learning_rate), optax.add_decayed_weights(weight_decay))

# question: q3
# why: puts the decay after Adam's scaling: that is AdamW, the thing the question contrasts.
def adam_with_l2(learning_rate, weight_decay):
    return optax.chain(optax.scale_by_adam(), optax.add_decayed_weights(weight_decay), optax.scale(-learning_rate))

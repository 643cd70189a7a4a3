# question: q1
# how: positional arguments to scale_by_adam and scale_by_learning_rate.
def adam_from_primitives(learning_rate, b1=0.9, b2=0.999, eps=1e-8):
    return optax.chain(optax.scale_by_adam(b1, b2, eps), optax.scale_by_learning_rate(learning_rate))

# question: q1
# how: the two links built first, then chained.
def adam_from_primitives(learning_rate: float, b1: float = 0.9, b2: float = 0.999,
                         eps: float = 1e-8) -> optax.GradientTransformation:
    direction = optax.scale_by_adam(eps=eps, b2=b2, b1=b1)
    step = optax.scale(-1.0 * learning_rate)
    return optax.chain(direction, step)

# question: q1
# why: builds scale_by_adam() with its defaults, dropping the b1, b2 and eps it was given.
def adam_from_primitives(learning_rate: float, b1: float = 0.9, b2: float = 0.999,
                         eps: float = 1e-8) -> optax.GradientTransformation:
    """Adam as a chain of optax primitives."""
    return optax.chain(optax.scale_by_adam(), optax.scale(-learning_rate))

# question: q1
# why: scales by +learning_rate, forgetting that the minus sign of descent lives in the update.
def adam_from_primitives(learning_rate: float, b1: float = 0.9, b2: float = 0.999,
                         eps: float = 1e-8) -> optax.GradientTransformation:
    """Adam as a chain of optax primitives."""
    return optax.chain(
        optax.scale_by_adam(b1=b1, b2=b2, eps=eps),
        optax.scale(learning_rate),
    )

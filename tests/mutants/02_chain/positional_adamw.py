# question: q2
# why: wraps optax.adamw(learning_rate, weight_decay) positionally, which sets b1, not the decay.
def adamw_from_primitives(learning_rate: float, weight_decay: float = 1e-4, mask=None,
                          b1: float = 0.9, b2: float = 0.999,
                          eps: float = 1e-8) -> optax.GradientTransformation:
    """AdamW as a chain of optax primitives."""
    return optax.adamw(learning_rate, weight_decay, b2=b2, eps=eps, mask=mask)

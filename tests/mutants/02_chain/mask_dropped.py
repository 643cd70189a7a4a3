# question: q2
# why: forgets to pass the mask on, so biases are decayed too.
def adamw_from_primitives(learning_rate: float, weight_decay: float = 1e-4, mask=None,
                          b1: float = 0.9, b2: float = 0.999,
                          eps: float = 1e-8) -> optax.GradientTransformation:
    """AdamW as a chain of optax primitives."""
    return optax.chain(
        optax.scale_by_adam(b1=b1, b2=b2, eps=eps),
        optax.add_decayed_weights(weight_decay),
        optax.scale(-learning_rate),
    )

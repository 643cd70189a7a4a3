# question: q2
# why: puts the decay before Adam's scaling, which is Adam with an L2 penalty, not AdamW.
def adamw_from_primitives(learning_rate: float, weight_decay: float = 1e-4, mask=None,
                          b1: float = 0.9, b2: float = 0.999,
                          eps: float = 1e-8) -> optax.GradientTransformation:
    """AdamW as a chain of optax primitives."""
    return optax.chain(
        optax.add_decayed_weights(weight_decay, mask),
        optax.scale_by_adam(b1=b1, b2=b2, eps=eps),
        optax.scale(-learning_rate),
    )

# question: q6
# why: the buggy code itself: the weight decay sits after the partition, where it sees every parameter, so the frozen backbone shrinks by lr * weight_decay each step.
def frozen_adamw(labels, learning_rate, weight_decay) -> optax.GradientTransformation:
    """AdamW on the "head" parameters; the "backbone" parameters frozen (no state).

    Example:
        >>> tx = frozen_adamw({"backbone": "backbone", "head": "head"}, 1e-3, 0.01)
        >>> # the head moves as optax.adamw(1e-3, weight_decay=0.01); the backbone never moves
    """
    return optax.chain(
        optax.multi_transform(
            {"backbone": optax.set_to_zero(), "head": optax.scale_by_adam()},
            param_labels=labels,
        ),
        optax.add_decayed_weights(weight_decay),
        optax.scale_by_learning_rate(learning_rate),
    )

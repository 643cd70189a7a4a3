# question: q6
# why: freezes with optax.adamw(0.0, ...) instead of set_to_zero: the backbone keeps Adam's two floats per parameter, and an inf gradient gives NaN moments and a NaN update.
def frozen_adamw(labels, learning_rate, weight_decay) -> optax.GradientTransformation:
    """AdamW on the "head" parameters; the "backbone" parameters frozen (no state).

    Example:
        >>> tx = frozen_adamw({"backbone": "backbone", "head": "head"}, 1e-3, 0.01)
        >>> # the head moves as optax.adamw(1e-3, weight_decay=0.01); the backbone never moves
    """

    return optax.multi_transform(
        {
            "backbone": optax.adamw(learning_rate=0.0, weight_decay=weight_decay),
            "head": optax.adamw(learning_rate=learning_rate, weight_decay=weight_decay),
        },
        param_labels=labels,
    )

# question: q6
# why: puts the whole optax.adamw in the head's branch but keeps the outer learning-rate scale: the head's step is multiplied by -learning_rate twice.
def frozen_adamw(labels, learning_rate, weight_decay) -> optax.GradientTransformation:
    """AdamW on the "head" parameters; the "backbone" parameters frozen (no state).

    Example:
        >>> tx = frozen_adamw({"backbone": "backbone", "head": "head"}, 1e-3, 0.01)
        >>> # the head moves as optax.adamw(1e-3, weight_decay=0.01); the backbone never moves
    """
    return optax.chain(
        optax.multi_transform(
            {"backbone": optax.set_to_zero(),
             "head": optax.adamw(learning_rate=learning_rate, weight_decay=weight_decay)},
            param_labels=labels,
        ),
        optax.scale_by_learning_rate(learning_rate),
    )

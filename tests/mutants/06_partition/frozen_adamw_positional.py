# question: q6
# why: puts optax.adamw in the head's branch but passes weight_decay positionally: it becomes b1, and the decay stays at its default 1e-4.
def frozen_adamw(labels, learning_rate, weight_decay) -> optax.GradientTransformation:
    """AdamW on the "head" parameters; the "backbone" parameters frozen (no state).

    Example:
        >>> tx = frozen_adamw({"backbone": "backbone", "head": "head"}, 1e-3, 0.01)
        >>> # the head moves as optax.adamw(1e-3, weight_decay=0.01); the backbone never moves
    """
    return optax.multi_transform(
        {"backbone": optax.set_to_zero(), "head": optax.adamw(learning_rate, weight_decay)},
        param_labels=labels,
    )

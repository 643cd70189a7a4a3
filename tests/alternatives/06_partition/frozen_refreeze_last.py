# question: q6
# how: keeps the buggy chain and partitions once more at the end, setting the backbone's final update to zero (optax.partition, the newer name).
def frozen_adamw(labels, learning_rate, weight_decay) -> optax.GradientTransformation:
    """AdamW on the "head" parameters; the "backbone" parameters frozen (no state).

    Example:
        >>> tx = frozen_adamw({"backbone": "backbone", "head": "head"}, 1e-3, 0.01)
        >>> # the head moves as optax.adamw(1e-3, weight_decay=0.01); the backbone never moves
    """

    return optax.chain(
        optax.partition(
            {"backbone": optax.set_to_zero(), "head": optax.scale_by_adam()},
            param_labels=labels,
        ),
        optax.add_decayed_weights(weight_decay),
        optax.scale_by_learning_rate(learning_rate),
        optax.partition({"backbone": optax.set_to_zero(), "head": optax.identity()}, labels),
    )

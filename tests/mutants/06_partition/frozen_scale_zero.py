# question: q6
# why: moves the decay into the head's branch but freezes with optax.scale(0.0): 0 * inf is NaN, so an inf or NaN gradient wrecks the frozen backbone.
def frozen_adamw(labels, learning_rate, weight_decay) -> optax.GradientTransformation:
    """AdamW on the "head" parameters; the "backbone" parameters frozen (no state).

    Example:
        >>> tx = frozen_adamw({"backbone": "backbone", "head": "head"}, 1e-3, 0.01)
        >>> # the head moves as optax.adamw(1e-3, weight_decay=0.01); the backbone never moves
    """
    return optax.chain(
        optax.multi_transform(
            {"backbone": optax.scale(0.0),
             "head": optax.chain(optax.scale_by_adam(), optax.add_decayed_weights(weight_decay))},
            param_labels=labels,
        ),
        optax.scale_by_learning_rate(learning_rate),
    )

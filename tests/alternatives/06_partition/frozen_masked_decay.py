# question: q6
# how: keeps the shared chain and masks the decay with the labels themselves (True where the label is head), so it never reaches the backbone.
def frozen_adamw(labels, learning_rate, weight_decay) -> optax.GradientTransformation:
    """AdamW on the "head" parameters; the "backbone" parameters frozen (no state).

    Example:
        >>> tx = frozen_adamw({"backbone": "backbone", "head": "head"}, 1e-3, 0.01)
        >>> # the head moves as optax.adamw(1e-3, weight_decay=0.01); the backbone never moves
    """

    head_only = jax.tree.map(lambda label: label == "head", labels)
    return optax.chain(
        optax.multi_transform(
            {"backbone": optax.set_to_zero(), "head": optax.scale_by_adam()},
            param_labels=labels,
        ),
        optax.add_decayed_weights(weight_decay, mask=head_only),
        optax.scale_by_learning_rate(learning_rate),
    )

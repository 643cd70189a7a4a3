# question: q6
# why: masks the shared decay with a mask written for the demo's prefix labels (backbone/head at the top level): any other label tree, or an nnx.State, does not fit it.
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
        optax.add_decayed_weights(weight_decay, mask={"backbone": False, "head": True}),
        optax.scale_by_learning_rate(learning_rate),
    )

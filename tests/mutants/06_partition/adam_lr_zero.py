# question: q3
# why: freezes with optax.adam(0.0), which does not move the backbone but still keeps Adam's two floats per frozen parameter.
def frozen_backbone_optimizer(labels, head_lr: float) -> optax.GradientTransformation:
    """Backbone frozen (zero updates, no state), head trained with optax.adam(head_lr).

    Example:
        >>> tx = frozen_backbone_optimizer({"backbone": "backbone", "head": "head"}, 1e-3)
    """
    return optax.multi_transform(
        {"backbone": optax.adam(learning_rate=0.0), "head": optax.adam(learning_rate=head_lr)},
        param_labels=labels,
    )

# question: q3
# why: the zero transformation is attached to the wrong label, freezing the head and training the backbone.
def frozen_backbone_optimizer(labels, head_lr: float) -> optax.GradientTransformation:
    """Backbone frozen (zero updates, no state), head trained with optax.adam(head_lr).

    Example:
        >>> tx = frozen_backbone_optimizer({"backbone": "backbone", "head": "head"}, 1e-3)
    """
    return optax.multi_transform(
        {"backbone": optax.adam(learning_rate=head_lr), "head": optax.set_to_zero()},
        param_labels=labels,
    )

# question: q2
# why: the 10x goes to the backbone instead of the head.
def finetune_optimizer(labels, backbone_lr: float) -> optax.GradientTransformation:
    """Adam with lr backbone_lr on "backbone" leaves and 10 * backbone_lr on "head" leaves.

    Example:
        >>> tx = finetune_optimizer({"backbone": "backbone", "head": "head"}, 1e-4)
        >>> # after one step the head moves ~1e-3 per weight, the backbone ~1e-4
    """
    return optax.multi_transform(
        {
            "backbone": optax.adam(learning_rate=10 * backbone_lr),
            "head": optax.adam(learning_rate=backbone_lr),
        },
        param_labels=labels,
    )

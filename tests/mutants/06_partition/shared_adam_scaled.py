# question: q2
# why: one shared Adam followed by a per-group scale looks equivalent, but the 10x lands on the backbone's learning rate twice over (lr applied before the partition).
def finetune_optimizer(labels, backbone_lr: float) -> optax.GradientTransformation:
    """Adam with lr backbone_lr on "backbone" leaves and 10 * backbone_lr on "head" leaves.

    Example:
        >>> tx = finetune_optimizer({"backbone": "backbone", "head": "head"}, 1e-4)
        >>> # after one step the head moves ~1e-3 per weight, the backbone ~1e-4
    """
    return optax.chain(
        optax.adam(learning_rate=backbone_lr),
        optax.multi_transform(
            {"backbone": optax.scale(backbone_lr), "head": optax.scale(10.0)},
            param_labels=labels,
        ),
    )

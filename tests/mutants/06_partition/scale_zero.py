# question: q3
# why: freezes with optax.scale(0.0): no state, but 0 * inf is NaN, so an inf gradient moves the frozen backbone.
def frozen_backbone_optimizer(labels, head_lr: float) -> optax.GradientTransformation:
    return optax.multi_transform({"backbone": optax.scale(0.0), "head": optax.adam(head_lr)}, labels)

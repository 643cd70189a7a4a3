# question: q3
# why: freezes with optax.sgd(0.0): 0 * inf is NaN on inf gradients.
def frozen_backbone_optimizer(labels, head_lr: float) -> optax.GradientTransformation:
    return optax.multi_transform({"backbone": optax.sgd(0.0), "head": optax.adam(head_lr)}, labels)

# question: q2
# why: forgets the 10x: both groups get backbone_lr.
def finetune_optimizer(labels, backbone_lr: float) -> optax.GradientTransformation:
    return optax.multi_transform({"backbone": optax.adam(backbone_lr), "head": optax.adam(backbone_lr)}, labels)

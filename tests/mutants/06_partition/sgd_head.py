# question: q2
# why: uses SGD instead of Adam for the head.
def finetune_optimizer(labels, backbone_lr: float) -> optax.GradientTransformation:
    return optax.multi_transform({"backbone": optax.adam(backbone_lr), "head": optax.sgd(10 * backbone_lr)}, labels)

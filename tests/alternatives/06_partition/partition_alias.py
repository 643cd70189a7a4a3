# question: q2
# how: optax.partition, the newer name, with the rates computed first.
def finetune_optimizer(labels, backbone_lr: float) -> optax.GradientTransformation:
    head_lr = backbone_lr * 10.0
    return optax.partition({"head": optax.adam(head_lr), "backbone": optax.adam(backbone_lr)}, labels)

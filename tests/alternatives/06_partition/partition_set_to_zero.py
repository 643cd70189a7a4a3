# question: q3
# how: optax.partition with set_to_zero, the head's Adam built first.
def frozen_backbone_optimizer(labels, head_lr: float) -> optax.GradientTransformation:
    head = optax.adam(head_lr)
    return optax.partition({"head": head, "backbone": optax.set_to_zero()}, labels)

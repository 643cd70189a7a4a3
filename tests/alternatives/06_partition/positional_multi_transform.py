# question: q2
# how: multi_transform with positional arguments and a dict built in a loop.
def finetune_optimizer(labels, backbone_lr: float) -> optax.GradientTransformation:
    rates = {"backbone": backbone_lr, "head": 10 * backbone_lr}
    transforms = {name: optax.adam(learning_rate=lr) for name, lr in rates.items()}
    return optax.multi_transform(transforms, labels)

# question: q3
# how: optax.MultiSteps with keyword arguments.
def accumulate_gradients(tx: optax.GradientTransformation, k: int) -> optax.GradientTransformation:
    return optax.MultiSteps(opt=tx, every_k_schedule=k).gradient_transformation()

# question: q3
# why: applies tx to the sum of the k gradients instead of their mean.
def accumulate_gradients(tx: optax.GradientTransformation, k: int) -> optax.GradientTransformation:
    return optax.MultiSteps(optax.chain(optax.scale(k), tx), every_k_schedule=k)

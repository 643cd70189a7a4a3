# question: q3
# why: off by one the other way: waits for k + 1 gradients before stepping.
def accumulate_gradients(tx: optax.GradientTransformation, k: int) -> optax.GradientTransformation:
    """tx applied once every k calls, to the mean of the k gradients it received.

    Example:
        >>> acc = accumulate_gradients(optax.sgd(0.1), 4)
    """
    return optax.MultiSteps(tx, every_k_schedule=k + 1)

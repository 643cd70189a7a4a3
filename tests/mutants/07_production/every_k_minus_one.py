# question: q3
# why: off by one: steps every k - 1 calls, thinking the k-th gradient is added at the step.
def accumulate_gradients(tx: optax.GradientTransformation, k: int) -> optax.GradientTransformation:
    """tx applied once every k calls, to the mean of the k gradients it received.

    Example:
        >>> acc = accumulate_gradients(optax.sgd(0.1), 4)
    """
    return optax.MultiSteps(tx, every_k_schedule=k - 1) if k > 1 else tx

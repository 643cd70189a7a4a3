# question: q5
# why: binds b1, b2, eps with functools.partial, but inject_hyperparams still injects the partial's keyword arguments as float32 hyperparameters.
import functools


def readable_adam(learning_rate, b1=0.9, b2=0.999, eps=1e-8):
    return optax.inject_hyperparams(functools.partial(optax.adam, b1=b1, b2=b2, eps=eps))(
        learning_rate=learning_rate
    )

# question: q5
# why: a fix that only works for the demo's inputs: the factory ignores b1, b2, eps and always uses optax.adam's defaults.
def readable_adam(learning_rate, b1=0.9, b2=0.999, eps=1e-8):
    return optax.inject_hyperparams(lambda learning_rate: optax.adam(learning_rate))(
        learning_rate=learning_rate
    )

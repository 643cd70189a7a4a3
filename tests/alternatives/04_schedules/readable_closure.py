# question: q5
# how: injects a factory of the learning rate alone; b1, b2, eps reach optax.adam through the closure as Python floats.
def readable_adam(learning_rate, b1=0.9, b2=0.999, eps=1e-8):
    def adam_of_rate(learning_rate):
        return optax.adam(learning_rate, b1=b1, b2=b2, eps=eps)

    return optax.inject_hyperparams(adam_of_rate)(learning_rate=learning_rate)

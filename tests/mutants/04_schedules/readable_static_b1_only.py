# question: q5
# why: half a fix: only b1 kept static; b2 is still a float32 array and 1 - b2 is rounded differently.
def readable_adam(learning_rate, b1=0.9, b2=0.999, eps=1e-8):
    return optax.inject_hyperparams(optax.adam, static_args=("b1", "eps"))(
        learning_rate=learning_rate, b1=b1, b2=b2, eps=eps
    )

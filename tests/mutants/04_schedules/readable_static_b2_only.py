# question: q5
# why: half a fix: only b2 kept static; b1 is still a float32 array, so 1 - b1 is computed in float32.
def readable_adam(learning_rate, b1=0.9, b2=0.999, eps=1e-8):
    return optax.inject_hyperparams(optax.adam, static_args=("b2",))(
        learning_rate=learning_rate, b1=b1, b2=b2, eps=eps
    )

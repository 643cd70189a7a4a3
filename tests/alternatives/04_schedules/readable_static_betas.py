# question: q5
# how: keeps only b1 and b2 static; eps stays a float32 array, which is harmless because it is only added to a float32 array (rounded to float32 either way).
def readable_adam(learning_rate, b1=0.9, b2=0.999, eps=1e-8):
    return optax.inject_hyperparams(optax.adam, static_args=("b1", "b2"))(
        learning_rate=learning_rate, b1=b1, b2=b2, eps=eps
    )

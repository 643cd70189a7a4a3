# question: q5
# why: the colleague's code unchanged: inject_hyperparams makes b1, b2, eps float32 arrays, so 1 - b1 and 1 - b2 are computed in float32.
def readable_adam(learning_rate, b1=0.9, b2=0.999, eps=1e-8):
    return optax.inject_hyperparams(optax.adam)(learning_rate=learning_rate, b1=b1, b2=b2, eps=eps)

# question: q1
# why: returns optax.adam itself, which the question bans.
def adam_from_primitives(learning_rate, b1=0.9, b2=0.999, eps=1e-8):
    return optax.adam(learning_rate, b1=b1, b2=b2, eps=eps)

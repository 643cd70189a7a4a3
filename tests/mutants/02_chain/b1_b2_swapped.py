# question: q1
# why: passes the two decay rates in the wrong order.
def adam_from_primitives(learning_rate, b1=0.9, b2=0.999, eps=1e-8):
    return optax.chain(optax.scale_by_adam(b1=b2, b2=b1, eps=eps), optax.scale(-learning_rate))

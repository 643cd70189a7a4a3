# question: q3
# how: a hand-written wrapper that adds weight_decay * w to the gradient before calling Adam.
def adam_with_l2(learning_rate, weight_decay):
    adam = optax.adam(learning_rate)

    def update(grads, state, params):
        l2_grads = jax.tree.map(lambda g, w: g + weight_decay * w, grads, params)
        return adam.update(l2_grads, state, params)

    return optax.GradientTransformation(adam.init, update)

# question: q1
# why: the update is +lr*g (gradient ascent): the minus sign lives in the update.
def sgd_from_scratch(learning_rate: float) -> optax.GradientTransformation:
    def init_fn(params):
        return optax.EmptyState()

    def update_fn(grads, state, params=None):
        return jax.tree_util.tree_map(lambda g: learning_rate * g, grads), state

    return optax.GradientTransformation(init_fn, update_fn)

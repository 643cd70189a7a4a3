# question: q1
# how: a named inner function and jax.tree.map; an empty tuple would do as well, but EmptyState is asked for.
def sgd_from_scratch(learning_rate: float) -> optax.GradientTransformation:
    def init(params):
        return optax.EmptyState()

    def update(updates, state, params=None):
        def step(g):
            return g * (-learning_rate)
        return jax.tree.map(step, updates), state

    return optax.GradientTransformation(init, update)

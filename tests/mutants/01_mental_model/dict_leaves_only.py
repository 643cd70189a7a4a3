# question: q1
# why: loops over a flat dict's items instead of mapping over the pytree, so nested trees and tuples break.
def sgd_from_scratch(learning_rate: float) -> optax.GradientTransformation:
    def init_fn(params):
        return optax.EmptyState()

    def update_fn(grads, state, params=None):
        return {k: -learning_rate * g for k, g in grads.items()}, state

    return optax.GradientTransformation(init_fn, update_fn)

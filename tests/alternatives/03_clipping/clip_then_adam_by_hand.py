# question: q4
# how: a hand-written GradientTransformation that clips the gradient, then calls Adam's update.
def make_clipped_adam(learning_rate, max_norm):
    """Adam whose gradients are clipped to global norm max_norm, so one bad batch cannot derail it."""
    clipper, adam = optax.clip_by_global_norm(max_norm), optax.adam(learning_rate)

    def init_fn(params):
        return adam.init(params)

    def update_fn(updates, state, params=None):
        clipped, _ = clipper.update(updates, optax.EmptyState())
        return adam.update(clipped, state, params)

    return optax.GradientTransformation(init_fn, update_fn)

# question: q4
# why: the buggy loop itself: a new jitted step closing over a Python-float rate every epoch, so loss_fn is traced once per epoch.
def train_with_decay(loss_fn, params, batches, learning_rates):
    """Adam at learning_rates[e] in epoch e, the moments carried from epoch to epoch."""
    opt_state = optax.adam(learning_rates[0]).init(params)
    for learning_rate in learning_rates:
        tx = optax.adam(learning_rate)  # this epoch's learning rate

        @jax.jit
        def step(params, opt_state, batch):
            grads = jax.grad(loss_fn)(params, batch)
            updates, opt_state = tx.update(grads, opt_state, params)
            return optax.apply_updates(params, updates), opt_state

        for batch in batches:
            params, opt_state = step(params, opt_state, batch)
    return params

# question: q4
# why: jits the step once but keeps closing over tx, rebuilt each epoch: jit never sees the new tx, so the first rate stays baked in (one trace, wrong numbers).
def train_with_decay(loss_fn, params, batches, learning_rates):
    """Adam at learning_rates[e] in epoch e, the moments carried over; the step compiles once."""
    opt_state = optax.adam(learning_rates[0]).init(params)

    @jax.jit
    def step(params, opt_state, batch):
        grads = jax.grad(loss_fn)(params, batch)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state

    for learning_rate in learning_rates:
        tx = optax.adam(learning_rate)  # this epoch's learning rate
        for batch in batches:
            params, opt_state = step(params, opt_state, batch)
    return params

# question: q4
# why: passes the rate as an argument but still defines and jits the step inside the epoch loop: a new function each epoch, traced again each epoch.
def train_with_decay(loss_fn, params, batches, learning_rates):
    """Adam at learning_rates[e] in epoch e, the moments carried over; the step compiles once."""
    opt_state = optax.adam(learning_rates[0]).init(params)
    for learning_rate in learning_rates:

        @jax.jit
        def step(params, opt_state, batch, learning_rate):
            tx = optax.adam(learning_rate)
            grads = jax.grad(loss_fn)(params, batch)
            updates, opt_state = tx.update(grads, opt_state, params)
            return optax.apply_updates(params, updates), opt_state

        for batch in batches:
            params, opt_state = step(params, opt_state, batch, learning_rate)
    return params

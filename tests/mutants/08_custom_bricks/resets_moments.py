# question: q4
# why: compiles once, but starts a fresh Adam state every epoch: the moments and the bias-correction count are no longer carried over.
def train_with_decay(loss_fn, params, batches, learning_rates):
    """Adam at learning_rates[e] in epoch e, the moments carried over; the step compiles once."""

    @jax.jit
    def step(params, opt_state, batch, learning_rate):
        tx = optax.adam(learning_rate)
        grads = jax.grad(loss_fn)(params, batch)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state

    for learning_rate in learning_rates:
        opt_state = optax.adam(learning_rate).init(params)
        for batch in batches:
            params, opt_state = step(params, opt_state, batch, learning_rate)
    return params

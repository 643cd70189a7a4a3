# question: q4
# why: builds the optimizer once with the first rate and drops the decay: one trace, but every epoch runs at learning_rates[0].
def train_with_decay(loss_fn, params, batches, learning_rates):
    """Adam at learning_rates[e] in epoch e, the moments carried over; the step compiles once."""
    tx = optax.adam(learning_rates[0])
    opt_state = tx.init(params)

    @jax.jit
    def step(params, opt_state, batch):
        grads = jax.grad(loss_fn)(params, batch)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state

    for _ in learning_rates:
        for batch in batches:
            params, opt_state = step(params, opt_state, batch)
    return params

# question: q4
# how: turns the list into a schedule indexed by Adam's step count (scale_by_schedule after scale_by_adam), so the rate lives in the state.
def train_with_decay(loss_fn, params, batches, learning_rates):
    """Adam at learning_rates[e] in epoch e, the moments carried over; the step compiles once."""
    rates = jnp.asarray(learning_rates, dtype=jnp.float32)
    steps_per_epoch = len(batches)
    tx = optax.chain(optax.scale_by_adam(), optax.scale_by_schedule(lambda count: -rates[count // steps_per_epoch]))
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

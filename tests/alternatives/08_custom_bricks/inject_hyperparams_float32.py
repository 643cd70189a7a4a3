# question: q4
# how: optax.inject_hyperparams keeps the rate in the state; each epoch writes it as an array of the dtype init gave it.
def train_with_decay(loss_fn, params, batches, learning_rates):
    """Adam at learning_rates[e] in epoch e, the moments carried over; the step compiles once."""
    tx = optax.inject_hyperparams(optax.adam)(learning_rate=learning_rates[0])
    opt_state = tx.init(params)

    @jax.jit
    def step(params, opt_state, batch):
        grads = jax.grad(loss_fn)(params, batch)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state

    for learning_rate in learning_rates:
        old = opt_state.hyperparams["learning_rate"]
        opt_state.hyperparams["learning_rate"] = jnp.asarray(learning_rate, dtype=old.dtype)
        for batch in batches:
            params, opt_state = step(params, opt_state, batch)
    return params

# question: q4
# why: moves the rate into inject_hyperparams's state but writes the bare Python float there: a weakly typed value, a new type for jit, so the step is traced a second time.
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
        opt_state.hyperparams["learning_rate"] = learning_rate
        for batch in batches:
            params, opt_state = step(params, opt_state, batch)
    return params

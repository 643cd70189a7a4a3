# question: q4
# why: replaces the list by a schedule that halves the first rate every epoch: right for the demo's rates, wrong for any other list.
def train_with_decay(loss_fn, params, batches, learning_rates):
    """Adam at learning_rates[e] in epoch e, the moments carried over; the step compiles once."""
    schedule = optax.exponential_decay(learning_rates[0], len(batches), 0.5, staircase=True)
    tx = optax.adam(schedule)
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

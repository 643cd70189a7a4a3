# question: q4
# how: one jitted epoch (lax.scan over the stacked batches) with the rate as a float32 argument.
def train_with_decay(loss_fn, params, batches, learning_rates):
    """Adam at learning_rates[e] in epoch e, the moments carried over; the step compiles once."""
    stacked = jax.tree.map(lambda *leaves: jnp.stack(leaves), *batches)
    opt_state = optax.adam(0.0).init(params)

    @jax.jit
    def epoch(params, opt_state, learning_rate):
        tx = optax.adam(learning_rate)

        def step(carry, batch):
            params, opt_state = carry
            updates, opt_state = tx.update(jax.grad(loss_fn)(params, batch), opt_state, params)
            return (optax.apply_updates(params, updates), opt_state), None

        return jax.lax.scan(step, (params, opt_state), stacked)[0]

    for learning_rate in learning_rates:
        params, opt_state = epoch(params, opt_state, jnp.float32(learning_rate))
    return params

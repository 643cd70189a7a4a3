# question: q4
# why: makes the rate an argument of one jitted step, but a static one: every distinct rate is a new compile-time constant, traced again.
import functools


def train_with_decay(loss_fn, params, batches, learning_rates):
    """Adam at learning_rates[e] in epoch e, the moments carried over; the step compiles once."""
    opt_state = optax.adam(learning_rates[0]).init(params)

    @functools.partial(jax.jit, static_argnames="learning_rate")
    def step(params, opt_state, batch, learning_rate):
        tx = optax.adam(learning_rate)
        grads = jax.grad(loss_fn)(params, batch)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state

    for learning_rate in learning_rates:
        for batch in batches:
            params, opt_state = step(params, opt_state, batch, learning_rate=float(learning_rate))
    return params

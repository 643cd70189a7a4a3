# question: q2
# how: rates from jax.vmap, counted with jnp.sum and divided.
def fraction_below_half_peak(schedule, num_steps: int) -> float:
    rates = jax.vmap(lambda s: jnp.asarray(schedule(s), jnp.float32))(jnp.arange(num_steps))
    below = jnp.sum(rates < jnp.max(rates) / 2)
    return int(below) / num_steps

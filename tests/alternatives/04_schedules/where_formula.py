# question: q3
# how: nested jnp.where with the linear part by hand.
def hold_drop_decay(lr: float):
    def schedule(step):
        step = jnp.asarray(step)
        tail = (lr / 10) * jnp.clip((3000 - step) / 1000, 0.0, 1.0)
        return jnp.where(step < 1000, lr, jnp.where(step < 2000, lr / 10, tail))
    return schedule

# question: q3
# why: writes step <= 1000 and step <= 2000, so each phase lasts one step too long.
def hold_drop_decay(lr: float):
    """lr for steps [0, 1000), lr/10 for [1000, 2000), then linear to 0 at step 3000.

    Example:
        >>> schedule = hold_drop_decay(0.1)
        >>> schedule(999), schedule(1000), schedule(2500), schedule(3000)  # 0.1, 0.01, 0.005, 0.0
    """
    def schedule(step):
        step = jnp.asarray(step)
        tail = lr / 10 * jnp.clip(1.0 - (step - 2000) / 1000, 0.0, 1.0)
        return jnp.where(step <= 1000, lr, jnp.where(step <= 2000, lr / 10, tail))

    return schedule

# question: q3
# why: drops to lr * 0.01 (a "factor 10" read as two orders of magnitude) instead of lr / 10.
def hold_drop_decay(lr: float):
    """lr for steps [0, 1000), lr/10 for [1000, 2000), then linear to 0 at step 3000.

    Example:
        >>> schedule = hold_drop_decay(0.1)
        >>> schedule(999), schedule(1000), schedule(2500), schedule(3000)  # 0.1, 0.01, 0.005, 0.0
    """
    return optax.join_schedules(
        schedules=[
            optax.constant_schedule(lr),
            optax.constant_schedule(lr * 0.01),
            optax.linear_schedule(init_value=lr * 0.01, end_value=0.0, transition_steps=1000),
        ],
        boundaries=[1000, 2000],
    )

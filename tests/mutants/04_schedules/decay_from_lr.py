# question: q3
# why: starts the linear decay from lr instead of lr / 10.
def hold_drop_decay(lr: float):
    return optax.join_schedules(
        [optax.constant_schedule(lr), optax.constant_schedule(lr / 10), optax.linear_schedule(lr, 0.0, 1000)],
        [1000, 2000])

# question: q3
# why: gives the linear part transition_steps=3000 (the step where it should end) instead of 1000.
def hold_drop_decay(lr: float):
    return optax.join_schedules(
        [optax.constant_schedule(lr), optax.constant_schedule(lr / 10), optax.linear_schedule(lr / 10, 0.0, 3000)],
        [1000, 2000])

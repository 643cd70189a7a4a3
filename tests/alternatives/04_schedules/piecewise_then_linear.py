# question: q3
# how: piecewise constant for the first two phases joined to a linear schedule.
def hold_drop_decay(lr: float):
    first = optax.piecewise_constant_schedule(lr, {1000: 0.1})
    last = optax.linear_schedule(lr * 0.1, 0.0, 1000)
    return optax.join_schedules([first, last], [2000])

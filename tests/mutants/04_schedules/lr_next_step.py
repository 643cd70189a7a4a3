# question: q4
# why: logs schedule(k + 1), thinking the state's counter has already moved on.
def train_logging_lr(schedule, params, loss_fn, num_steps):
    tx = optax.inject_hyperparams(optax.sgd)(learning_rate=schedule)

    @jax.jit
    def step(p, s):
        u, s = tx.update(jax.grad(loss_fn)(p), s, p)
        return optax.apply_updates(p, u), s

    s, lrs = tx.init(params), []
    for k in range(num_steps):
        params, s = step(params, s)
        lrs.append(float(schedule(k + 1)))
    return params, lrs

# question: q4
# why: reads the rate from the state before the update, so every entry is one step late.
def train_logging_lr(schedule, params, loss_fn, num_steps):
    tx = optax.inject_hyperparams(optax.sgd)(learning_rate=schedule)

    @jax.jit
    def step(p, s):
        u, s = tx.update(jax.grad(loss_fn)(p), s, p)
        return optax.apply_updates(p, u), s

    s, lrs = tx.init(params), []
    for _ in range(num_steps):
        lrs.append(float(s.hyperparams["learning_rate"]))
        params, s = step(params, s)
    return params, lrs

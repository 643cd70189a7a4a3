# question: q4
# why: wraps optax.adam instead of SGD: the logged rates are right, the training is not.
def train_logging_lr(schedule, params, loss_fn, num_steps):
    tx = optax.inject_hyperparams(optax.adam)(learning_rate=schedule)

    @jax.jit
    def step(p, s):
        u, s = tx.update(jax.grad(loss_fn)(p), s, p)
        return optax.apply_updates(p, u), s

    s, lrs = tx.init(params), []
    for _ in range(num_steps):
        params, s = step(params, s)
        lrs.append(float(s.hyperparams["learning_rate"]))
    return params, lrs

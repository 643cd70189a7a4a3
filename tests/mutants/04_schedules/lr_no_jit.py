# question: q4
# why: never compiles the step: right numbers, but loss_fn runs in Python every step.
def train_logging_lr(schedule, params, loss_fn, num_steps):
    tx = optax.inject_hyperparams(optax.sgd)(learning_rate=schedule)
    s, lrs = tx.init(params), []
    for _ in range(num_steps):
        u, s = tx.update(jax.grad(loss_fn)(params), s, params)
        params = optax.apply_updates(params, u)
        lrs.append(float(s.hyperparams["learning_rate"]))
    return params, lrs

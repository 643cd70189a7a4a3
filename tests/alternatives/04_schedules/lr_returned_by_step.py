# question: q4
# how: the jitted step returns the rate it used; value_and_grad and .item().
def train_logging_lr(schedule, params, loss_fn, num_steps):
    opt = optax.inject_hyperparams(optax.sgd)(learning_rate=schedule)

    def train_step(p, state):
        _, g = jax.value_and_grad(loss_fn)(p)
        updates, state = opt.update(g, state, p)
        return optax.apply_updates(p, updates), state, state.hyperparams["learning_rate"]

    train_step = jax.jit(train_step)
    state, used = opt.init(params), []
    for _ in range(num_steps):
        params, state, lr = train_step(params, state)
        used.append(lr.item())
    return params, used

# question: q4
# how: the whole run in one jitted lax.scan that outputs the rate after each update.
def train_logging_lr(schedule, params, loss_fn, num_steps):
    tx = optax.inject_hyperparams(optax.sgd)(learning_rate=schedule)

    def body(carry, _):
        p, s = carry
        u, s = tx.update(jax.grad(loss_fn)(p), s, p)
        return (optax.apply_updates(p, u), s), s.hyperparams["learning_rate"]

    (params, _), lrs = jax.jit(lambda p: jax.lax.scan(body, (p, tx.init(p)), length=num_steps))(params)
    return params, [float(x) for x in lrs]

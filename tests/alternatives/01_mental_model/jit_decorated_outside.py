# question: q2
# how: a step built with jax.jit(fn) and the loss read with .item().
def fit(tx: optax.GradientTransformation, params, loss_fn, num_steps: int):
    def train_step(p, s):
        loss, grads = jax.value_and_grad(loss_fn)(p)
        updates, s = tx.update(grads, s, p)
        return optax.apply_updates(p, updates), s, loss

    train_step = jax.jit(train_step)
    state, history = tx.init(params), []
    while len(history) < num_steps:
        params, state, loss = train_step(params, state)
        history.append(loss.item())
    return params, history

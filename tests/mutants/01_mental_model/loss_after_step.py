# question: q2
# why: records the loss after each step instead of before it.
def fit(tx: optax.GradientTransformation, params, loss_fn, num_steps: int):
    opt_state = tx.init(params)
    losses = []
    for _ in range(num_steps):
        grads = jax.grad(loss_fn)(params)
        updates, opt_state = tx.update(grads, opt_state, params)
        params = optax.apply_updates(params, updates)
        losses.append(float(loss_fn(params)))
    return params, losses

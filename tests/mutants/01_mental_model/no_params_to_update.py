# question: q2
# why: tx.update is called without params, which weight decay needs.
def fit(tx: optax.GradientTransformation, params, loss_fn, num_steps: int):
    @jax.jit
    def step(params, opt_state):
        loss, grads = jax.value_and_grad(loss_fn)(params)
        updates, opt_state = tx.update(grads, opt_state)
        return optax.apply_updates(params, updates), opt_state, loss

    opt_state = tx.init(params)
    losses = []
    for _ in range(num_steps):
        params, opt_state, loss = step(params, opt_state)
        losses.append(float(loss))
    return params, losses

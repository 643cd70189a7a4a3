# question: q2
# why: re-initialises the optimizer state inside the step, so Adam's moments never build up.
def fit(tx: optax.GradientTransformation, params, loss_fn, num_steps: int):
    @jax.jit
    def step(params):
        loss, grads = jax.value_and_grad(loss_fn)(params)
        updates, _ = tx.update(grads, tx.init(params), params)
        return optax.apply_updates(params, updates), loss

    losses = []
    for _ in range(num_steps):
        params, loss = step(params)
        losses.append(float(loss))
    return params, losses

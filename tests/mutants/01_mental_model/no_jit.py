# question: q2
# why: a plain Python loop that never compiles the step: the numbers are right, the task's jax.jit is missing.
def fit(tx: optax.GradientTransformation, params, loss_fn, num_steps: int):
    opt_state = tx.init(params)
    losses = []
    for _ in range(num_steps):
        loss, grads = jax.value_and_grad(loss_fn)(params)
        updates, opt_state = tx.update(grads, opt_state, params)
        params = optax.apply_updates(params, updates)
        losses.append(float(loss))
    return params, losses

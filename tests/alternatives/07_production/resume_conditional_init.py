# question: q5
# how: one conditional expression picks the saved state or tx.init; the checkpoint is built with dict().
def train(tx, grad_fn, params, n_steps, checkpoint=None):
    """n_steps steps of tx, from params or from where checkpoint left off; returns a checkpoint.

    Example:
        >>> saved = train(optax.adam(1e-2), grad_fn, params, 30)
        >>> resumed = train(optax.adam(1e-2), grad_fn, params, 30, checkpoint=saved)
        >>> # bit for bit what train(optax.adam(1e-2), grad_fn, params, 60) returns
    """
    step = 0 if checkpoint is None else checkpoint["step"]
    params = params if checkpoint is None else checkpoint["params"]
    opt_state = tx.init(params) if checkpoint is None else checkpoint["opt_state"]
    update = jax.jit(tx.update)
    for _ in range(n_steps):
        updates, opt_state = update(grad_fn(params), opt_state, params)
        params = optax.apply_updates(params, updates)
        step += 1
    return dict(step=step, params=params, opt_state=opt_state)

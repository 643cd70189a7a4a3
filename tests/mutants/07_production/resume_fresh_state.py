# question: q5
# why: the buggy code itself: the checkpoint holds the step and the parameters only, and the resumed run starts from tx.init (zero moments, the schedule back at step 0).
def train(tx, grad_fn, params, n_steps, checkpoint=None):
    """n_steps steps of tx, from params or from where checkpoint left off; returns a checkpoint.

    Example:
        >>> saved = train(optax.adam(1e-2), grad_fn, params, 30)
        >>> resumed = train(optax.adam(1e-2), grad_fn, params, 30, checkpoint=saved)
        >>> # bit for bit what train(optax.adam(1e-2), grad_fn, params, 60) returns
    """
    step = 0
    if checkpoint is not None:
        step, params = checkpoint["step"], checkpoint["params"]
    opt_state = tx.init(params)
    update = jax.jit(tx.update)
    for _ in range(n_steps):
        updates, opt_state = update(grad_fn(params), opt_state, params)
        params = optax.apply_updates(params, updates)
        step += 1
    return {"step": step, "params": params}

# question: q5
# why: keeps the optimizer state in a module-level variable instead of the checkpoint: it works for the last run of this process only, not for another run's checkpoint or a new process.
def train(tx, grad_fn, params, n_steps, checkpoint=None):
    """n_steps steps of tx, from params or from where checkpoint left off; returns a checkpoint.

    Example:
        >>> saved = train(optax.adam(1e-2), grad_fn, params, 30)
        >>> resumed = train(optax.adam(1e-2), grad_fn, params, 30, checkpoint=saved)
        >>> # bit for bit what train(optax.adam(1e-2), grad_fn, params, 60) returns
    """
    global _LAST_OPT_STATE
    step = 0
    if checkpoint is not None:
        step, params = checkpoint["step"], checkpoint["params"]
        opt_state = _LAST_OPT_STATE
    else:
        opt_state = tx.init(params)
    update = jax.jit(tx.update)
    for _ in range(n_steps):
        updates, opt_state = update(grad_fn(params), opt_state, params)
        params = optax.apply_updates(params, updates)
        step += 1
    _LAST_OPT_STATE = opt_state
    return {"step": step, "params": params}

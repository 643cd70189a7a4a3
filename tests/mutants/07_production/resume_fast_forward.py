# question: q5
# why: fixes the schedule only: re-initialises and fast-forwards the counters with `step` zero-gradient updates, so the schedule is right but Adam's moments are lost.
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
    zeros = jax.tree.map(jnp.zeros_like, params)
    for _ in range(int(step)):
        _, opt_state = tx.update(zeros, opt_state, params)
    update = jax.jit(tx.update)
    for _ in range(n_steps):
        updates, opt_state = update(grad_fn(params), opt_state, params)
        params = optax.apply_updates(params, updates)
        step += 1
    return {"step": step, "params": params}

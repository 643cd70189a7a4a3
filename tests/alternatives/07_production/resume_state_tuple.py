# question: q5
# how: stores the optimizer state under another key, as JAX arrays again on restore, and counts steps with n_steps.
def train(tx, grad_fn, params, n_steps, checkpoint=None):
    """n_steps steps of tx, from params or from where checkpoint left off; returns a checkpoint.

    Example:
        >>> saved = train(optax.adam(1e-2), grad_fn, params, 30)
        >>> resumed = train(optax.adam(1e-2), grad_fn, params, 30, checkpoint=saved)
        >>> # bit for bit what train(optax.adam(1e-2), grad_fn, params, 60) returns
    """
    if checkpoint is None:
        step, opt_state = 0, tx.init(params)
    else:
        step = checkpoint["step"]
        params = jax.tree.map(jnp.asarray, checkpoint["params"])
        opt_state = jax.tree.map(jnp.asarray, checkpoint["optimizer"])
    update = jax.jit(tx.update)
    for _ in range(n_steps):
        updates, opt_state = update(grad_fn(params), opt_state, params)
        params = optax.apply_updates(params, updates)
    return {"step": step + n_steps, "params": params, "optimizer": opt_state}

# question: q3
# why: measures the norm after clipping for both records, so the spikes never show up.
def train_with_clipping(optimizer, max_norm, params, loss_fn, xs, ys):
    """Trains with optimizer, clipping the raw gradient to global norm max_norm first."""
    clipper = optax.identity() if max_norm is None else optax.clip_by_global_norm(max_norm)

    @jax.jit
    def step(params, opt_state, x, y):
        grads = jax.grad(loss_fn)(params, x, y)
        grads, _ = clipper.update(grads, clipper.init(params))
        updates, opt_state = optimizer.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, optax.tree.norm(grads), optax.tree.norm(grads)

    opt_state = optimizer.init(params)
    pre_norms, post_norms = [], []
    for t in range(len(xs)):
        params, opt_state, pre, post = step(params, opt_state, xs[t], ys[t])
        pre_norms.append(pre)
        post_norms.append(post)
    return params, np.asarray(pre_norms), np.asarray(post_norms)

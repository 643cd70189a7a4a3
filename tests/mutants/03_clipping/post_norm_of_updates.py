# question: q3
# why: records the norm of the optimizer's final updates as the post-clipping norm.
def train_with_clipping(optimizer, max_norm, params, loss_fn, xs, ys):
    clipper = optax.identity() if max_norm is None else optax.clip_by_global_norm(max_norm)

    @jax.jit
    def step(params, opt_state, x, y):
        grads = jax.grad(loss_fn)(params, x, y)
        clipped, _ = clipper.update(grads, clipper.init(params))
        updates, opt_state = optimizer.update(clipped, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, optax.tree.norm(grads), optax.tree.norm(updates)

    opt_state = optimizer.init(params)
    pre, post = [], []
    for t in range(len(xs)):
        params, opt_state, a, b = step(params, opt_state, xs[t], ys[t])
        pre.append(a)
        post.append(b)
    return params, np.asarray(pre), np.asarray(post)

# question: q3
# how: the whole run as one jitted jax.lax.scan over the batches.
def train_with_clipping(optimizer, max_norm, params, loss_fn, xs, ys):
    def clip(g):
        if max_norm is None:
            return g
        return optax.clip_by_global_norm(max_norm).update(g, optax.EmptyState())[0]

    def body(carry, batch):
        p, s = carry
        g = jax.grad(loss_fn)(p, *batch)
        c = clip(g)
        u, s = optimizer.update(c, s, p)
        return (optax.apply_updates(p, u), s), (optax.tree.norm(g), optax.tree.norm(c))

    run = jax.jit(lambda p: jax.lax.scan(body, (p, optimizer.init(p)), (xs, ys)))
    (params, _), (pre, post) = run(params)
    return params, np.asarray(pre), np.asarray(post)

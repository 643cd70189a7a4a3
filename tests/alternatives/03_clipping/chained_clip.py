# question: q3
# how: the clipper chained in front of the optimizer, norms measured from the chain's input and the clipper's output.
def train_with_clipping(optimizer, max_norm, params, loss_fn, xs, ys):
    clip = optax.clip_by_global_norm(max_norm) if max_norm is not None else optax.identity()

    def step(p, s, x, y):
        g = jax.grad(loss_fn)(p, x, y)
        c, clip_state = clip.update(g, s[0])
        u, opt_state = optimizer.update(c, s[1], p)
        return optax.apply_updates(p, u), (clip_state, opt_state), optax.tree.norm(g), optax.tree.norm(c)

    step = jax.jit(step)
    state = (clip.init(params), optimizer.init(params))
    pre, post = np.zeros(len(xs), np.float32), np.zeros(len(xs), np.float32)
    for t in range(len(xs)):
        params, state, pre[t], post[t] = step(params, state, xs[t], ys[t])
    return params, pre, post

# question: q2
# how: the whole loop as one jitted jax.lax.scan, losses converted at the end.
def fit(tx: optax.GradientTransformation, params, loss_fn, num_steps: int):
    def step(carry, _):
        p, s = carry
        loss, g = jax.value_and_grad(loss_fn)(p)
        u, s = tx.update(g, s, p)
        return (optax.apply_updates(p, u), s), loss

    @jax.jit
    def run(p):
        (p, _), losses = jax.lax.scan(step, (p, tx.init(p)), length=num_steps)
        return p, losses

    if num_steps == 0:
        return params, []
    params, losses = run(params)
    return params, [float(x) for x in losses]

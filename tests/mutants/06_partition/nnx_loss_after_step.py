# question: q5
# why: records the loss after the update instead of before it.
def train_nnx(model, tx, xs, ys):
    optimizer = nnx.Optimizer(model, tx, wrt=nnx.Param)

    @nnx.jit
    def step(model, optimizer, x, y):
        grads = nnx.grad(lambda m: jnp.mean((m(x) - y) ** 2))(model)
        optimizer.update(model, grads)
        return jnp.mean((model(x) - y) ** 2)

    return [float(step(model, optimizer, xs[t], ys[t])) for t in range(len(xs))]

# question: q5
# why: builds a new nnx.Optimizer inside every step, so Adam's moments and step count restart each time.
def train_nnx(model, tx, xs, ys):
    @nnx.jit
    def step(model, x, y):
        optimizer = nnx.Optimizer(model, tx, wrt=nnx.Param)
        loss, grads = nnx.value_and_grad(lambda m: jnp.mean((m(x) - y) ** 2))(model)
        optimizer.update(model, grads)
        return loss

    return [float(step(model, xs[t], ys[t])) for t in range(len(xs))]

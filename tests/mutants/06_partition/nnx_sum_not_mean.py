# question: q5
# why: sums the squared errors instead of averaging them.
def train_nnx(model, tx, xs, ys):
    optimizer = nnx.Optimizer(model, tx, wrt=nnx.Param)

    @nnx.jit
    def step(model, optimizer, x, y):
        loss, grads = nnx.value_and_grad(lambda m: jnp.sum((m(x) - y) ** 2))(model)
        optimizer.update(model, grads)
        return loss

    return [float(step(model, optimizer, xs[t], ys[t])) for t in range(len(xs))]

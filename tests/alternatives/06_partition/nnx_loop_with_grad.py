# question: q5
# how: a named loss, nnx.grad for the gradient and the loss from an aux output, a while loop.
def train_nnx(model, tx, xs, ys):
    optimizer = nnx.Optimizer(model, tx, wrt=nnx.Param)

    def mse(m, x, y):
        loss = jnp.mean(jnp.square(m(x) - y))
        return loss, loss

    @nnx.jit
    def train_step(m, opt, x, y):
        grads, loss = nnx.grad(mse, has_aux=True)(m, x, y)
        opt.update(m, grads)
        return loss

    losses = []
    while len(losses) < len(xs):
        t = len(losses)
        losses.append(train_step(model, optimizer, xs[t], ys[t]).item())
    return losses

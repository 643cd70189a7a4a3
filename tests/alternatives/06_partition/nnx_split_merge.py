# question: q5
# how: the functional way: nnx.split once, a jax.jit step on pure state, nnx.update back into the model.
def train_nnx(model, tx, xs, ys):
    optimizer = nnx.Optimizer(model, tx, wrt=nnx.Param)
    graphdef, state = nnx.split((model, optimizer))

    @jax.jit
    def step(state, x, y):
        model, optimizer = nnx.merge(graphdef, state)
        loss, grads = nnx.value_and_grad(lambda m: ((m(x) - y) ** 2).mean())(model)
        optimizer.update(model, grads)
        return nnx.state((model, optimizer)), loss

    losses = []
    for x, y in zip(xs, ys):
        state, loss = step(state, x, y)
        losses.append(float(loss))
    nnx.update((model, optimizer), state)
    return losses

# question: q5
# why: never compiles the step: right numbers, but the model runs in Python every step.
def train_nnx(model, tx, xs, ys):
    optimizer = nnx.Optimizer(model, tx, wrt=nnx.Param)
    losses = []
    for t in range(len(xs)):
        loss, grads = nnx.value_and_grad(lambda m: jnp.mean((m(xs[t]) - ys[t]) ** 2))(model)
        optimizer.update(model, grads)
        losses.append(float(loss))
    return losses

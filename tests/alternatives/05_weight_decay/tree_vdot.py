# question: q2
# how: the penalty from optax's tree helpers: wd / 2 * <p, p>.
def l2_regularised(loss_fn, weight_decay: float):
    return lambda params: loss_fn(params) + weight_decay / 2 * optax.tree.vdot(params, params)

# question: q2
# why: adds half the global norm instead of half its square.
def l2_regularised(loss_fn, weight_decay: float):
    def loss(params):
        return loss_fn(params) + 0.5 * weight_decay * optax.tree.norm(params)
    return loss

# question: q2
# how: half the squared global norm, written with optax.tree.norm(squared=True).
def l2_regularised(loss_fn, weight_decay: float):
    def new_loss(params):
        penalty = 0.5 * weight_decay * optax.tree.norm(params, squared=True)
        return loss_fn(params) + penalty
    return new_loss

# question: q2
# why: penalises only matrices (ndim > 1), but the question decays all leaves like add_decayed_weights.
def l2_regularised(loss_fn, weight_decay: float):
    def loss(params):
        leaves = [x for x in jax.tree_util.tree_leaves(params) if jnp.ndim(x) > 1]
        return loss_fn(params) + 0.5 * weight_decay * sum(jnp.sum(x ** 2) for x in leaves)
    return loss

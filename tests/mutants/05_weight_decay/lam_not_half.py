# question: q2
# why: writes the penalty as lam * ||w||^2, whose gradient 2*lam*w decays twice as hard.
def l2_regularised(loss_fn, weight_decay: float):
    """loss_fn plus the L2 penalty under which SGD equals SGD + add_decayed_weights.

    Example:
        >>> loss = l2_regularised(lambda p: 0.0, 0.1)
        >>> loss({"w": jnp.array([1.0, 2.0])})  # the penalty alone
    """
    def regularised(params):
        squares = sum(jnp.sum(jnp.square(leaf)) for leaf in jax.tree_util.tree_leaves(params))
        return loss_fn(params) + weight_decay * squares

    return regularised

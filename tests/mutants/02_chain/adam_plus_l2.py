# question: q4
# why: rebuilds it with the decay before Adam, which is Adam with an L2 penalty, not AdamW.
def make_optimizer(learning_rate, weight_decay, mask=None):
    """AdamW with decoupled weight decay `weight_decay` on the parameters `mask` selects."""
    return optax.chain(optax.add_decayed_weights(weight_decay, mask), optax.adam(learning_rate))

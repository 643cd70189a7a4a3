# question: q4
# why: the colleague's code unchanged: optax.adamw(learning_rate, weight_decay) sets b1, not the decay.
def make_optimizer(learning_rate, weight_decay, mask=None):
    """AdamW with decoupled weight decay `weight_decay` on the parameters `mask` selects."""
    return optax.adamw(learning_rate, weight_decay, mask=mask)

# question: q4
# why: fixes the decay but drops the mask on the way, so the bias is decayed too.
def make_optimizer(learning_rate, weight_decay, mask=None):
    """AdamW with decoupled weight decay `weight_decay` on the parameters `mask` selects."""
    return optax.adamw(learning_rate, weight_decay=weight_decay)

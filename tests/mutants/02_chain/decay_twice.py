# question: q4
# why: a half fix: adds weight_decay= but leaves the positional argument, so b1 is still the decay.
def make_optimizer(learning_rate, weight_decay, mask=None):
    """AdamW with decoupled weight decay `weight_decay` on the parameters `mask` selects."""
    return optax.adamw(learning_rate, weight_decay, weight_decay=weight_decay, mask=mask)

# question: q4
# how: every argument of optax.adamw by keyword.
def make_optimizer(learning_rate, weight_decay, mask=None):
    """AdamW with decoupled weight decay `weight_decay` on the parameters `mask` selects."""
    return optax.adamw(learning_rate=learning_rate, weight_decay=weight_decay, mask=mask)

# question: q4
# how: keeps the positional style but spells out Optax's defaults up to weight_decay.
def make_optimizer(learning_rate, weight_decay, mask=None):
    """AdamW with decoupled weight decay `weight_decay` on the parameters `mask` selects."""
    return optax.adamw(learning_rate, 0.9, 0.999, 1e-8, 0.0, None, weight_decay, mask)

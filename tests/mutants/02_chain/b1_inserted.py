# question: q4
# why: moves the decay one slot to the right, believing it comes after b1; it lands on b2.
def make_optimizer(learning_rate, weight_decay, mask=None):
    """AdamW with decoupled weight decay `weight_decay` on the parameters `mask` selects."""
    return optax.adamw(learning_rate, 0.9, weight_decay, mask=mask)

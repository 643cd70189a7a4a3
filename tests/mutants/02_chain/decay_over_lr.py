# question: q4
# why: an over-fix: divides the decay by the learning rate to undo Optax's lr-scaled decay (the paper's AdamW, not Optax's).
def make_optimizer(learning_rate, weight_decay, mask=None):
    """AdamW with decoupled weight decay `weight_decay` on the parameters `mask` selects."""
    return optax.adamw(learning_rate, weight_decay=weight_decay / learning_rate, mask=mask)

# question: q4
# how: AdamW's three links by hand; scale_by_learning_rate also takes a schedule.
def make_optimizer(learning_rate, weight_decay, mask=None):
    """AdamW with decoupled weight decay `weight_decay` on the parameters `mask` selects."""
    return optax.chain(
        optax.scale_by_adam(),
        optax.add_decayed_weights(weight_decay, mask),
        optax.scale_by_learning_rate(learning_rate),
    )

# question: q4
# why: rewrites AdamW from its links with scale(-learning_rate), which breaks for a schedule.
def make_optimizer(learning_rate, weight_decay, mask=None):
    """AdamW with decoupled weight decay `weight_decay` on the parameters `mask` selects."""
    return optax.chain(
        optax.scale_by_adam(),
        optax.add_decayed_weights(weight_decay, mask),
        optax.scale(-learning_rate),
    )

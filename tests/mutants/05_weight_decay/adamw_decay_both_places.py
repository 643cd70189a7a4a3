# question: q4
# why: half a fix: adds the decoupled decay after Adam but keeps the decay before it, so the L2 term Adam normalises is still there.
def adamw_by_hand(learning_rate, weight_decay):
    return optax.chain(
        optax.add_decayed_weights(weight_decay),
        optax.scale_by_adam(),
        optax.add_decayed_weights(weight_decay),
        optax.scale(-learning_rate),
    )

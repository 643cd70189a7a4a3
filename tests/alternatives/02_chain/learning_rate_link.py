# question: q2
# how: scale_by_learning_rate for the last link, mask passed by keyword.
def adamw_from_primitives(learning_rate, weight_decay=1e-4, mask=None, b1=0.9, b2=0.999, eps=1e-8):
    return optax.chain(optax.scale_by_adam(b1=b1, b2=b2, eps=eps),
                       optax.add_decayed_weights(weight_decay=weight_decay, mask=mask),
                       optax.scale_by_learning_rate(learning_rate))

# question: q3
# why: adds weight_decay / 2 * w, the penalty's factor, instead of its gradient weight_decay * w.
def adam_with_l2(learning_rate, weight_decay):
    return optax.chain(optax.add_decayed_weights(weight_decay / 2), optax.adam(learning_rate))

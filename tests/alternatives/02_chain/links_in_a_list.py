# question: q2
# how: the links collected in a list and unpacked into chain.
def adamw_from_primitives(learning_rate, weight_decay=1e-4, mask=None, b1=0.9, b2=0.999, eps=1e-8):
    links = [optax.scale_by_adam(b1=b1, b2=b2, eps=eps)]
    links.append(optax.add_decayed_weights(weight_decay, mask))
    links.append(optax.scale(-learning_rate))
    return optax.chain(*links)

# question: q3
# why: returns optax.adamw, which the question bans (and which is not Adam + L2).
def adam_with_l2(learning_rate, weight_decay):
    return optax.adamw(learning_rate, weight_decay=weight_decay)

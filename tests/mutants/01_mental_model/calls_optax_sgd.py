# question: q1
# why: wraps optax.sgd, which the question bans.
def sgd_from_scratch(learning_rate: float) -> optax.GradientTransformation:
    return optax.sgd(learning_rate)

# question: q5
# why: over-fix: learning_rate made static too; the updates are exact but the rate is no longer in state.hyperparams.
def readable_adam(learning_rate, b1=0.9, b2=0.999, eps=1e-8):
    return optax.inject_hyperparams(optax.adam, static_args=("learning_rate", "b1", "b2", "eps"))(
        learning_rate=learning_rate, b1=b1, b2=b2, eps=eps
    )

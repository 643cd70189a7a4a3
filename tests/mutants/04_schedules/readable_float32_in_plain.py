# question: q5
# why: fixes the wrong side: the rate stays readable but b1, b2, eps are passed as float32 scalars, which reproduces the bug's rounding.
def readable_adam(learning_rate, b1=0.9, b2=0.999, eps=1e-8):
    return optax.inject_hyperparams(optax.adam, static_args=("b1", "b2", "eps"))(
        learning_rate=learning_rate, b1=jnp.float32(b1), b2=jnp.float32(b2), eps=jnp.float32(eps)
    )

# question: q5
# why: asks for float64 hyperparameters, but without jax_enable_x64 jax truncates them to float32 (with a warning): nothing changes.
def readable_adam(learning_rate, b1=0.9, b2=0.999, eps=1e-8):
    return optax.inject_hyperparams(optax.adam, hyperparam_dtype=jnp.float64)(
        learning_rate=learning_rate, b1=b1, b2=b2, eps=eps
    )

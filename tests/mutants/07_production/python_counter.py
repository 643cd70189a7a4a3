# question: q3
# why: keeps the call count in a Python closure: works eagerly once, but is frozen under jit and wrong on replay.
def accumulate_gradients(tx: optax.GradientTransformation, k: int) -> optax.GradientTransformation:
    calls = [0]

    def init_fn(params):
        return (tx.init(params), jax.tree.map(jnp.zeros_like, params))

    def update_fn(grads, state, params=None):
        inner, acc = state
        acc = jax.tree.map(lambda a, g: a + g, acc, grads)
        calls[0] += 1
        if calls[0] % k:
            return jax.tree.map(jnp.zeros_like, grads), (inner, acc)
        updates, inner = tx.update(jax.tree.map(lambda a: a / k, acc), inner, params)
        return updates, (inner, jax.tree.map(jnp.zeros_like, acc))

    return optax.GradientTransformation(init_fn, update_fn)

# question: q3
# how: a hand-written accumulator: the count and the running sum live in the state; jnp.where picks the step.
from typing import NamedTuple, Any


class AccState(NamedTuple):
    count: Any
    grad_sum: Any
    inner: Any


def accumulate_gradients(tx: optax.GradientTransformation, k: int) -> optax.GradientTransformation:
    def init_fn(params):
        return AccState(jnp.zeros([], jnp.int32), jax.tree.map(jnp.zeros_like, params), tx.init(params))

    def update_fn(grads, state, params=None):
        grad_sum = jax.tree.map(lambda a, g: a + g, state.grad_sum, grads)
        count = state.count + 1
        emit = count == k
        mean = jax.tree.map(lambda a: a / k, grad_sum)
        updates, new_inner = tx.update(mean, state.inner, params)
        pick = lambda a, b: jax.tree.map(lambda x, y: jnp.where(emit, x, y), a, b)
        out = pick(updates, jax.tree.map(jnp.zeros_like, updates))
        inner = pick(new_inner, state.inner)
        grad_sum = pick(jax.tree.map(jnp.zeros_like, grad_sum), grad_sum)
        return out, AccState(jnp.where(emit, 0, count), grad_sum, inner)

    return optax.GradientTransformation(init_fn, update_fn)

# question: q4
# why: counts in a Python closure and branches with a Python if: right eagerly, frozen under jit.
from typing import Any, NamedTuple


class AccumulatorState(NamedTuple):
    count: Any
    grad_sum: Any
    inner: Any


def accumulator_from_scratch(tx, k):
    seen = [0]

    def init_fn(params):
        return AccumulatorState(jnp.zeros([], jnp.int32), jax.tree.map(jnp.zeros_like, params), tx.init(params))

    def update_fn(grads, state, params=None):
        grad_sum = jax.tree.map(jnp.add, state.grad_sum, grads)
        seen[0] += 1
        if seen[0] % k:
            return jax.tree.map(jnp.zeros_like, grads), AccumulatorState(state.count + 1, grad_sum, state.inner)
        updates, inner = tx.update(jax.tree.map(lambda s: s / k, grad_sum), state.inner, params)
        return updates, AccumulatorState(jnp.zeros([], jnp.int32), jax.tree.map(jnp.zeros_like, grad_sum), inner)

    return optax.GradientTransformation(init_fn, update_fn)

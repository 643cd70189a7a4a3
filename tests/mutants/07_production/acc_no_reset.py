# question: q4
# why: never empties the sum after a step, so every round averages all gradients so far over k.
from typing import Any, NamedTuple


class AccumulatorState(NamedTuple):
    count: Any
    grad_sum: Any
    inner: Any


def accumulator_from_scratch(tx, k):
    def init_fn(params):
        return AccumulatorState(jnp.zeros([], jnp.int32), jax.tree.map(jnp.zeros_like, params), tx.init(params))

    def update_fn(grads, state, params=None):
        grad_sum = jax.tree.map(jnp.add, state.grad_sum, grads)
        count = state.count + 1

        def step(_):
            updates, inner = tx.update(jax.tree.map(lambda s: s / k, grad_sum), state.inner, params)
            return updates, AccumulatorState(jnp.zeros_like(count), grad_sum, inner)

        def wait(_):
            return jax.tree.map(jnp.zeros_like, grads), AccumulatorState(count, grad_sum, state.inner)

        return jax.lax.cond(count >= k, step, wait, None)

    return optax.GradientTransformation(init_fn, update_fn)

# question: q4
# why: calls tx.update on every call and keeps its new state, so Adam's moments advance k times per step.
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
        updates, inner = tx.update(jax.tree.map(lambda s: s / k, grad_sum), state.inner, params)
        emit = count >= k
        updates = jax.tree.map(lambda u: jnp.where(emit, u, 0.0), updates)
        grad_sum = jax.tree.map(lambda s: jnp.where(emit, 0.0, s), grad_sum)
        return updates, AccumulatorState(jnp.where(emit, 0, count), grad_sum, inner)

    return optax.GradientTransformation(init_fn, update_fn)

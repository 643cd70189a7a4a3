# question: q3
# why: computes the new momentum but hands back the old state, so the memory never grows.
from typing import NamedTuple, Any


class MomentumState(NamedTuple):
    momentum: Any  # a pytree shaped like the parameters


def scale_by_momentum(decay: float) -> optax.GradientTransformation:
    """Heavy-ball momentum: m <- g + decay * m; the update is m."""
    def init_fn(params):
        return MomentumState(momentum=jax.tree_util.tree_map(jnp.zeros_like, params))

    def update_fn(updates, state, params=None):
        momentum = jax.tree_util.tree_map(lambda g, m: g + decay * m, updates, state.momentum)
        return momentum, state

    return optax.GradientTransformation(init_fn, update_fn)

# question: q3
# why: writes an exponential moving average (1-decay)*g + decay*m instead of the heavy-ball sum.
from typing import NamedTuple, Any


class MomentumState(NamedTuple):
    momentum: Any  # a pytree shaped like the parameters


def scale_by_momentum(decay: float) -> optax.GradientTransformation:
    """Heavy-ball momentum: m <- g + decay * m; the update is m."""
    def init_fn(params):
        return MomentumState(momentum=jax.tree_util.tree_map(jnp.zeros_like, params))

    def update_fn(updates, state, params=None):
        momentum = jax.tree_util.tree_map(lambda g, m: (1 - decay) * g + decay * m, updates, state.momentum)
        return momentum, MomentumState(momentum=momentum)

    return optax.GradientTransformation(init_fn, update_fn)

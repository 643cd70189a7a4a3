# question: q3
# why: multiplies the new gradient by decay instead of the old momentum.
from typing import NamedTuple, Any


class MomentumState(NamedTuple):
    momentum: Any


def scale_by_momentum(decay: float) -> optax.GradientTransformation:
    def init_fn(params):
        return MomentumState(momentum=jax.tree_util.tree_map(jnp.zeros_like, params))

    def update_fn(updates, state, params=None):
        m = jax.tree_util.tree_map(lambda g, m: decay * g + m, updates, state.momentum)
        return m, MomentumState(momentum=m)

    return optax.GradientTransformation(init_fn, update_fn)

# question: q3
# how: decay * m + g written the other way round, with jax.tree.map and zeros from jnp.zeros.
from typing import NamedTuple, Any


class MomentumState(NamedTuple):
    momentum: Any


def scale_by_momentum(decay: float) -> optax.GradientTransformation:
    def init_fn(params):
        return MomentumState(jax.tree.map(lambda p: jnp.zeros(jnp.shape(p), jnp.result_type(p)), params))

    def update_fn(updates, state, params=None):
        new = jax.tree.map(lambda m, g: decay * m + g, state.momentum, updates)
        return new, state._replace(momentum=new)

    return optax.GradientTransformation(init_fn, update_fn)

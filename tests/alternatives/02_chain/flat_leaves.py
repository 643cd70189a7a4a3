# question: q3
# how: works on the flattened leaves and rebuilds the tree.
from typing import NamedTuple, Any


class MomentumState(NamedTuple):
    momentum: Any


def scale_by_momentum(decay: float) -> optax.GradientTransformation:
    def init_fn(params):
        return MomentumState(momentum=optax.tree.zeros_like(params))

    def update_fn(updates, state, params=None):
        g, treedef = jax.tree_util.tree_flatten(updates)
        m = jax.tree_util.tree_leaves(state.momentum)
        new = treedef.unflatten([gi + decay * mi for gi, mi in zip(g, m)])
        return new, MomentumState(momentum=new)

    return optax.GradientTransformation(init_fn, update_fn)

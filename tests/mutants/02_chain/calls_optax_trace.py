# question: q3
# why: wraps optax.trace, which the question bans.
from typing import NamedTuple, Any


class MomentumState(NamedTuple):
    momentum: Any


def scale_by_momentum(decay: float) -> optax.GradientTransformation:
    inner = optax.trace(decay=decay)

    def init_fn(params):
        return MomentumState(momentum=inner.init(params).trace)

    def update_fn(updates, state, params=None):
        new, s = inner.update(updates, optax.TraceState(trace=state.momentum))
        return new, MomentumState(momentum=s.trace)

    return optax.GradientTransformation(init_fn, update_fn)

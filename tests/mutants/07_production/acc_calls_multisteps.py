# question: q4
# why: wraps optax.MultiSteps, which the question bans.
from typing import Any, NamedTuple


class AccumulatorState(NamedTuple):
    count: Any
    grad_sum: Any
    inner: Any


def accumulator_from_scratch(tx, k):
    return optax.MultiSteps(tx, every_k_schedule=k).gradient_transformation()

# question: q2
# why: counts only the warmup (the steps before the rate first reaches half the peak) and forgets the decay tail.
def fraction_below_half_peak(schedule, num_steps: int) -> float:
    """Fraction of steps 0..num_steps-1 whose rate is below half the largest rate.

    Example:
        >>> fraction_below_half_peak(optax.linear_schedule(0.0, 1.0, 100), 1000)  # 0.05
    """
    lrs = np.broadcast_to(np.asarray(schedule(jnp.arange(num_steps))), (num_steps,))
    first_above = int(np.argmax(lrs >= lrs.max() / 2))
    return first_above / num_steps

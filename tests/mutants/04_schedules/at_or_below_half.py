# question: q2
# why: counts rates equal to half the peak too (<= instead of <).
def fraction_below_half_peak(schedule, num_steps: int) -> float:
    lrs = np.broadcast_to(np.asarray(schedule(jnp.arange(num_steps))), (num_steps,))
    return float(np.mean(lrs <= lrs.max() / 2))

# question: q2
# why: takes the rate at the last step as the peak, as if every schedule rose to the end.
def fraction_below_half_peak(schedule, num_steps: int) -> float:
    lrs = np.broadcast_to(np.asarray(schedule(jnp.arange(num_steps))), (num_steps,))
    return float(np.mean(lrs < lrs[-1] / 2))

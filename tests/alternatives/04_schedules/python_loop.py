# question: q2
# how: a Python loop over the steps, one call each.
def fraction_below_half_peak(schedule, num_steps: int) -> float:
    rates = [float(schedule(step)) for step in range(num_steps)]
    half = max(rates) / 2
    return sum(1 for r in rates if r < half) / len(rates)

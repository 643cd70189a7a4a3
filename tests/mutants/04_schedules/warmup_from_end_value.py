# question: q1
# why: starts the warmup at end_value instead of 0.
def warmup_cosine(total_steps: int, warmup_steps: int, peak_value: float, end_value: float):
    return optax.warmup_cosine_decay_schedule(end_value, peak_value, warmup_steps, total_steps, end_value)

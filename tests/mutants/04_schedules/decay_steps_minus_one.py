# question: q1
# why: believes a run of total_steps steps ends at step total_steps and reaches end_value one step early.
def warmup_cosine(total_steps: int, warmup_steps: int, peak_value: float, end_value: float):
    return optax.warmup_cosine_decay_schedule(0.0, peak_value, warmup_steps, total_steps - 1, end_value)

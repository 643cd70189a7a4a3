# question: q1
# how: a linear warmup joined to a cosine decay over the steps after it.
def warmup_cosine(total_steps: int, warmup_steps: int, peak_value: float, end_value: float):
    warmup = optax.linear_schedule(0.0, peak_value, warmup_steps)
    decay = optax.cosine_decay_schedule(peak_value, total_steps - warmup_steps, alpha=end_value / peak_value)
    return optax.join_schedules([warmup, decay], [warmup_steps])

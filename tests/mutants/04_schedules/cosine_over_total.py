# question: q1
# why: hand-written cosine whose phase runs over the whole run instead of the steps after the warmup.
def warmup_cosine(total_steps: int, warmup_steps: int, peak_value: float, end_value: float):
    def schedule(step):
        warm = peak_value * step / max(warmup_steps, 1)
        t = jnp.clip(step / total_steps, 0.0, 1.0)
        cos = end_value + (peak_value - end_value) * 0.5 * (1 + jnp.cos(jnp.pi * t))
        return jnp.where(step < warmup_steps, warm, cos)
    return schedule

# question: q1
# how: the formula by hand with jnp.where and jnp.clip.
def warmup_cosine(total_steps: int, warmup_steps: int, peak_value: float, end_value: float):
    def schedule(step):
        step = jnp.asarray(step, jnp.float32)
        warm = peak_value * step / max(warmup_steps, 1)
        t = jnp.clip((step - warmup_steps) / (total_steps - warmup_steps), 0.0, 1.0)
        cos = end_value + (peak_value - end_value) * 0.5 * (1.0 + jnp.cos(jnp.pi * t))
        return jnp.where(step < warmup_steps, warm, cos)
    return schedule

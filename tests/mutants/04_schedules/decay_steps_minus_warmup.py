# question: q1
# why: reads decay_steps as "steps after the warmup", so the schedule ends warmup_steps early and idles.
def warmup_cosine(total_steps: int, warmup_steps: int, peak_value: float, end_value: float):
    """Linear warmup from 0 to peak_value, then cosine decay to end_value at total_steps.

    Example:
        >>> schedule = warmup_cosine(10_000, 1000, 1e-3, 1e-4)
        >>> schedule(0), schedule(1000), schedule(10_000)  # 0.0, 1e-3, 1e-4
    """
    return optax.warmup_cosine_decay_schedule(
        init_value=0.0,
        peak_value=peak_value,
        warmup_steps=warmup_steps,
        decay_steps=total_steps - warmup_steps,
        end_value=end_value,
    )

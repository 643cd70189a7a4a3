# question: q1
# why: passes decay_steps = total_steps - warmup_steps, so the schedule reaches its end value warmup_steps early.
def create_optimizer(
    peak_learning_rate: float = 1e-3,
    warmup_steps: int = 1000,
    total_steps: int = 100_000,
    weight_decay: float = 0.01,
    max_grad_norm: float = 1.0,
    end_learning_rate: float = 1e-5,
) -> optax.GradientTransformation:
    """Clip, Adam, decoupled weight decay, warmup + cosine to end_learning_rate at total_steps.

    Example:
        >>> tx = create_optimizer(peak_learning_rate=1e-3, warmup_steps=10, total_steps=100)
        >>> state = tx.init({"w": jnp.ones(3)})
    """
    schedule = optax.warmup_cosine_decay_schedule(
        init_value=0.0,
        peak_value=peak_learning_rate,
        warmup_steps=warmup_steps,
        decay_steps=total_steps - warmup_steps,
        end_value=end_learning_rate,
    )
    return optax.chain(
        optax.clip_by_global_norm(max_grad_norm),
        optax.scale_by_adam(b1=0.9, b2=0.999, eps=1e-8),
        optax.add_decayed_weights(weight_decay),
        optax.scale_by_schedule(lambda step: -schedule(step)),
    )

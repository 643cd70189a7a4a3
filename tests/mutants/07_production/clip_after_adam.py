# question: q1
# why: clips after Adam's scaling instead of the raw gradients.
def create_optimizer(peak_learning_rate=1e-3, warmup_steps=1000, total_steps=100_000, weight_decay=0.01,
                     max_grad_norm=1.0, end_learning_rate=1e-5):
    schedule = optax.warmup_cosine_decay_schedule(0.0, peak_learning_rate, warmup_steps, total_steps,
                                                  end_learning_rate)
    return optax.chain(optax.scale_by_adam(), optax.clip_by_global_norm(max_grad_norm),
                       optax.add_decayed_weights(weight_decay), optax.scale_by_schedule(lambda s: -schedule(s)))

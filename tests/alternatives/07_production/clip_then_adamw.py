# question: q1
# how: clip chained with optax.adamw and the schedule.
def create_optimizer(peak_learning_rate=1e-3, warmup_steps=1000, total_steps=100_000, weight_decay=0.01,
                     max_grad_norm=1.0, end_learning_rate=1e-5):
    lr = optax.warmup_cosine_decay_schedule(init_value=0.0, peak_value=peak_learning_rate,
                                            warmup_steps=warmup_steps, decay_steps=total_steps,
                                            end_value=end_learning_rate)
    return optax.chain(optax.clip_by_global_norm(max_grad_norm),
                       optax.adamw(learning_rate=lr, b1=0.9, b2=0.999, eps=1e-8, weight_decay=weight_decay))

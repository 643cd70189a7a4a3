# question: q2
# why: wraps optax.clip_by_global_norm, which the question bans.
def clip_by_global_norm_from_scratch(max_norm: float) -> optax.GradientTransformation:
    return optax.clip_by_global_norm(max_norm)

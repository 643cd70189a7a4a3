# question: q2
# why: clamps each element to [-max_norm, max_norm] (value clipping) instead of rescaling globally.
def clip_by_global_norm_from_scratch(max_norm: float) -> optax.GradientTransformation:
    """Rescales the updates so that their global norm is at most max_norm."""
    return optax.clip(max_norm)

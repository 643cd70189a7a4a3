# question: q1
# how: optax's own state class and optax.tree.update_moment_per_elem_norm (order 2), zeros made by optax.tree.full_like.
def scale_by_rms_from_scratch(decay: float = 0.9, eps: float = 1e-8) -> optax.GradientTransformation:
    """Divides each update by the root of a running average of its squares."""
    def init_fn(params):
        return optax.ScaleByRmsState(nu=optax.tree.full_like(params, 0.0))

    def update_fn(updates, state, params=None):
        nu = optax.tree.update_moment_per_elem_norm(updates, state.nu, decay, 2)
        out = jax.tree.map(lambda u, v: jnp.reciprocal(jnp.sqrt(v + eps)) * u, updates, nu)
        return out, optax.ScaleByRmsState(nu=nu)

    return optax.GradientTransformation(init_fn, update_fn)

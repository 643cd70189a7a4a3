# question: q1
# why: starts the average from the parameters instead of zeros: the first steps are scaled by the weights.
def scale_by_rms_from_scratch(decay: float = 0.9, eps: float = 1e-8) -> optax.GradientTransformation:
    """Divides each update by the root of a running average of its squares."""
    class RmsState(NamedTuple):
        nu: optax.Updates

    def init_fn(params):
        return RmsState(nu=params)

    def update_fn(updates, state, params=None):
        nu = jax.tree.map(lambda v, u: decay * v + (1 - decay) * u**2, state.nu, updates)
        return jax.tree.map(lambda u, v: u / jnp.sqrt(v + eps), updates, nu), RmsState(nu=nu)

    return optax.GradientTransformation(init_fn, update_fn)

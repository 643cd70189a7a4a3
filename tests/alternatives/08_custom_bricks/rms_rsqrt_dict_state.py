# question: q1
# how: the state is a plain dict of zeros_like leaves; the average is written out and the update multiplied by lax.rsqrt.
def scale_by_rms_from_scratch(decay: float = 0.9, eps: float = 1e-8) -> optax.GradientTransformation:
    """Divides each update by the root of a running average of its squares."""
    def init_fn(params):
        return {"nu": jax.tree.map(jnp.zeros_like, params)}

    def update_fn(updates, state, params=None):
        nu = jax.tree.map(lambda v, u: decay * v + (1.0 - decay) * u * u, state["nu"], updates)
        return jax.tree.map(lambda u, v: u * jax.lax.rsqrt(v + eps), updates, nu), {"nu": nu}

    return optax.GradientTransformation(init_fn, update_fn)

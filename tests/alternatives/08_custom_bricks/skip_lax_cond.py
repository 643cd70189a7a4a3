# question: q2
# how: jax.lax.cond picks the branch (inner update, or zeros and a count); finiteness reduced with jax.tree.reduce.
class SkipState(NamedTuple):
    inner_state: optax.OptState
    skipped: jax.Array


def skip_nonfinite(inner: optax.GradientTransformation) -> optax.GradientTransformation:
    """Runs inner on finite updates; on a NaN or Inf anywhere, a zero update and a count."""
    def init_fn(params):
        return SkipState(inner.init(params), jnp.asarray(0, dtype=jnp.int32))

    def update_fn(updates, state, params=None):
        finite = jax.tree.reduce(jnp.logical_and, jax.tree.map(lambda u: jnp.isfinite(u).all(), updates), True)

        def good():
            new_updates, new_inner = inner.update(updates, state.inner_state, params)
            return new_updates, SkipState(new_inner, state.skipped)

        def bad():
            return jax.tree.map(jnp.zeros_like, updates), SkipState(state.inner_state, state.skipped + 1)

        return jax.lax.cond(finite, good, bad)

    return optax.GradientTransformation(init_fn, update_fn)

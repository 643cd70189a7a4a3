# question: q2
# why: checks only the first leaf, so a NaN elsewhere is applied.
class SkipState(NamedTuple):
    inner_state: optax.OptState
    skipped: jax.Array


def skip_nonfinite(inner: optax.GradientTransformation) -> optax.GradientTransformation:
    """Runs inner on finite updates; on a NaN or Inf anywhere, a zero update and a count."""
    def init_fn(params):
        return SkipState(inner_state=inner.init(params), skipped=jnp.zeros([], jnp.int32))

    def update_fn(updates, state, params=None):
        finite = jnp.all(jnp.isfinite(jax.tree.leaves(updates)[0]))
        new_updates, new_inner = inner.update(updates, state.inner_state, params)
        out = jax.tree.map(lambda u: jnp.where(finite, u, jnp.zeros_like(u)), new_updates)
        inner_state = jax.tree.map(lambda new, old: jnp.where(finite, new, old), new_inner, state.inner_state)
        skipped = state.skipped + jnp.where(finite, 0, 1).astype(state.skipped.dtype)
        return out, SkipState(inner_state=inner_state, skipped=skipped)

    return optax.GradientTransformation(init_fn, update_fn)

# question: q2
# how: a flat count of non-finite numbers, optax.tree.where for both the updates and the inner state.
class SkipState(NamedTuple):
    inner_state: optax.OptState
    skipped: jax.Array


def skip_nonfinite(inner: optax.GradientTransformation) -> optax.GradientTransformation:
    """Runs inner on finite updates; on a NaN or Inf anywhere, a zero update and a count."""
    def init_fn(params):
        return SkipState(inner_state=inner.init(params), skipped=jnp.int32(0))

    def update_fn(updates, state, params=None):
        bad = sum(jnp.sum(~jnp.isfinite(u)) for u in jax.tree.leaves(updates))
        ok = bad == 0
        new_updates, new_inner = inner.update(updates, state.inner_state, params)
        out = optax.tree.where(ok, new_updates, optax.tree.zeros_like(new_updates))
        kept = optax.tree.where(ok, new_inner, state.inner_state)
        return out, SkipState(inner_state=kept, skipped=state.skipped + (~ok).astype(state.skipped.dtype))

    return optax.GradientTransformation(init_fn, update_fn)

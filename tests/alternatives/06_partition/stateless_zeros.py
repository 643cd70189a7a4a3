# question: q3
# how: a hand-written stateless link that returns zeros_like of every update.
def frozen_backbone_optimizer(labels, head_lr: float) -> optax.GradientTransformation:
    freeze = optax.GradientTransformation(
        lambda params: optax.EmptyState(),
        lambda updates, state, params=None: (jax.tree.map(jnp.zeros_like, updates), state),
    )
    return optax.multi_transform({"backbone": freeze, "head": optax.adam(learning_rate=head_lr)}, labels)

# question: q1
# why: calls optax.tree.norm, which the question bans.
def global_norm(tree) -> jax.Array:
    return optax.tree.norm(tree)

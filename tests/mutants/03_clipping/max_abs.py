# question: q1
# why: takes the largest absolute value (the infinity norm) instead of the L2 norm.
def global_norm(tree) -> jax.Array:
    return jnp.max(jnp.stack([jnp.max(jnp.abs(x)) for x in jax.tree_util.tree_leaves(tree)]))

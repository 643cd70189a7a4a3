# question: q1
# how: one vector of every number, then jnp.linalg.norm.
def global_norm(tree) -> jax.Array:
    leaves = jax.tree_util.tree_leaves(tree)
    flat = jnp.concatenate([jnp.ravel(jnp.asarray(x, jnp.float32)) for x in leaves])
    return jnp.linalg.norm(flat)

# question: q1
# how: a sum of vdot(x, x) over the leaves with jnp.sqrt.
def global_norm(tree) -> jax.Array:
    total = jnp.float32(0.0)
    for x in jax.tree.leaves(tree):
        x = jnp.asarray(x, jnp.float32)
        total = total + jnp.vdot(x, x)
    return jnp.sqrt(total)

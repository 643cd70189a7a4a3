# question: q1
# why: adds up the norms of the leaves instead of taking the square root of the summed squares.
def global_norm(tree) -> jax.Array:
    """The L2 norm of all the numbers in a pytree, taken as one vector."""
    return sum(jnp.linalg.norm(jnp.ravel(x)) for x in jax.tree_util.tree_leaves(tree))

# question: q1
# why: returns the sum of squares and forgets the square root.
def global_norm(tree) -> jax.Array:
    """The L2 norm of all the numbers in a pytree, taken as one vector."""
    return sum(jnp.sum(x ** 2) for x in jax.tree_util.tree_leaves(tree))

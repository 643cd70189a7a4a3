# question: q1
# why: the article's test 'kernel' in path compares strings with key objects, so it is False everywhere.
def kernel_mask(params):
    """A pytree of booleans: True where 'kernel' is one of the names in the leaf's path.

    Example:
        >>> kernel_mask({"dense": {"kernel": jnp.ones((2, 2)), "bias": jnp.ones(2)}})
        {'dense': {'bias': False, 'kernel': True}}
    """
    return jax.tree_util.tree_map_with_path(
        lambda path, _: "kernel" in path or "weight" in path, params
    )

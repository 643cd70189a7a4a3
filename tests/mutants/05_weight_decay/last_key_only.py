# question: q1
# why: looks only at the last path element, which in an NNX state is GetAttrKey(name='value').
def kernel_mask(params):
    """A pytree of booleans: True where 'kernel' is one of the names in the leaf's path.

    Example:
        >>> kernel_mask({"dense": {"kernel": jnp.ones((2, 2)), "bias": jnp.ones(2)}})
        {'dense': {'bias': False, 'kernel': True}}
    """
    def name(key):
        return getattr(key, "key", getattr(key, "name", getattr(key, "idx", None)))

    return jax.tree_util.tree_map_with_path(lambda path, _: name(path[-1]) == "kernel", params)

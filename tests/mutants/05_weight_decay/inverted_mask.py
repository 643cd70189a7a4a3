# question: q1
# why: inverts the mask, so biases and scales decay and kernels do not.
def kernel_mask(params):
    """A pytree of booleans: True where 'kernel' is one of the names in the leaf's path.

    Example:
        >>> kernel_mask({"dense": {"kernel": jnp.ones((2, 2)), "bias": jnp.ones(2)}})
        {'dense': {'bias': False, 'kernel': True}}
    """
    def name(key):
        return getattr(key, "key", getattr(key, "name", getattr(key, "idx", None)))

    return jax.tree_util.tree_map_with_path(
        lambda path, _: "kernel" not in [name(k) for k in path], params
    )

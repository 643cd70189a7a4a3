# question: q1
# why: the two labels are swapped, so the new head gets the backbone's small learning rate.
def label_params(params):
    """Labels each leaf of a pure parameter tree "head" or "backbone".

    Example:
        >>> label_params({"backbone": {"kernel": jnp.ones((2, 2))}, "head": {"bias": jnp.ones(2)}})
        {'backbone': {'kernel': 'backbone'}, 'head': {'bias': 'head'}}
    """
    def label(path, _):
        return "backbone" if getattr(path[0], "key", None) == "head" else "head"

    return jax.tree_util.tree_map_with_path(label, params)

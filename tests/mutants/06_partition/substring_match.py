# question: q1
# why: tests "head" as a substring of the whole path, so backbone layers such as attention_heads are labelled head too.
def label_params(params):
    """Labels each leaf of a pure parameter tree "head" or "backbone".

    Example:
        >>> label_params({"backbone": {"kernel": jnp.ones((2, 2))}, "head": {"bias": jnp.ones(2)}})
        {'backbone': {'kernel': 'backbone'}, 'head': {'bias': 'head'}}
    """
    def label(path, _):
        path_str = "/".join(str(p) for p in path)
        return "head" if "head" in path_str else "backbone"

    return jax.tree_util.tree_map_with_path(label, params)

# question: q1
# why: labels a leaf head when any key of its path equals 'head', not just the first.
def label_params(params):
    return jax.tree_util.tree_map_with_path(
        lambda path, _: "head" if any(getattr(k, "key", None) == "head" for k in path) else "backbone", params)

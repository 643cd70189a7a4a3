# question: q1
# how: compares the first path element with DictKey('head').
def label_params(params):
    return jax.tree_util.tree_map_with_path(
        lambda path, _: "head" if path[0] == jax.tree_util.DictKey("head") else "backbone", params)

# question: q1
# why: tests startswith('head') on the first key, so head_proj and heads_norm become head.
def label_params(params):
    return jax.tree_util.tree_map_with_path(
        lambda path, _: "head" if str(path[0].key).startswith("head") else "backbone", params)

# question: q4
# why: returns the labels as a plain dict, which nnx.Optimizer's multi_transform rejects.
def nnx_param_labels(model):
    pure = nnx.to_pure_dict(nnx.state(model, nnx.Param))
    return jax.tree_util.tree_map_with_path(lambda path, _: "head" if path[0].key == "head" else "backbone", pure)

# question: q4
# why: tests startswith('head'), so head_norm is labelled head.
def nnx_param_labels(model):
    pure = nnx.to_pure_dict(nnx.state(model, nnx.Param))
    return nnx.State(jax.tree_util.tree_map_with_path(
        lambda path, _: "head" if str(path[0].key).startswith("head") else "backbone", pure))

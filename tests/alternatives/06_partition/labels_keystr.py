# question: q4
# how: compares the first key with DictKey('head') and wraps with nnx.State.
def nnx_param_labels(model) -> nnx.State:
    def label(path, leaf):
        return "head" if path[0] == jax.tree_util.DictKey("head") else "backbone"

    return nnx.State(jax.tree_util.tree_map_with_path(label, nnx.to_pure_dict(nnx.state(model, nnx.Param))))

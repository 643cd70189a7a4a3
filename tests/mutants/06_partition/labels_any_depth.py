# question: q4
# why: labels head any parameter with 'head' anywhere in its path, so a backbone's inner head is trained as the head.
def nnx_param_labels(model):
    pure = nnx.to_pure_dict(nnx.state(model, nnx.Param))
    return nnx.State(jax.tree_util.tree_map_with_path(
        lambda path, _: "head" if any(getattr(k, "key", None) == "head" for k in path) else "backbone", pure))

# question: q4
# why: maps over nnx.state itself, so the labels sit inside Param variables where optax expects bare leaves.
def nnx_param_labels(model):
    return jax.tree_util.tree_map_with_path(
        lambda path, _: "head" if path[0].key == "head" else "backbone", nnx.state(model, nnx.Param))

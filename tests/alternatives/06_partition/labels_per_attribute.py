# question: q4
# how: builds the pure dict attribute by attribute, then wraps it in nnx.State.
def nnx_param_labels(model) -> nnx.State:
    pure = nnx.to_pure_dict(nnx.state(model, nnx.Param))
    labels = {}
    for name, subtree in pure.items():
        label = "head" if name == "head" else "backbone"
        labels[name] = jax.tree.map(lambda _: label, subtree)
    return nnx.State(labels)

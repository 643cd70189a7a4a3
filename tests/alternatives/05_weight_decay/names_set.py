# question: q1
# how: the set of a path's string names, with a named function.
def kernel_mask(params):
    def decays(path, leaf):
        names = {getattr(k, "key", None) for k in path} | {getattr(k, "name", None) for k in path}
        return "kernel" in names

    return jax.tree_util.tree_map_with_path(decays, params)

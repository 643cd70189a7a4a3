# question: q1
# how: matches each key's own name against 'kernel' through isinstance checks.
def kernel_mask(params):
    def key_name(k):
        if isinstance(k, jax.tree_util.DictKey):
            return k.key
        if isinstance(k, jax.tree_util.GetAttrKey):
            return k.name
        return None

    return jax.tree_util.tree_map_with_path(lambda path, leaf: any(key_name(k) == "kernel" for k in path), params)

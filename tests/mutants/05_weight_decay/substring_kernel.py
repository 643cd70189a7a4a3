# question: q1
# why: looks for 'kernel' inside each key's text, so kernel_init and my_kernel count too.
def kernel_mask(params):
    return jax.tree_util.tree_map_with_path(lambda path, _: any("kernel" in str(k) for k in path), params)

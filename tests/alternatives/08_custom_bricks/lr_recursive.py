# question: q3
# how: walks tuples, lists and dicts by hand; a node with a hyperparams dict is rebuilt with _replace.
def set_learning_rate(opt_state, learning_rate):
    """A copy of opt_state with every injected learning rate set to learning_rate."""
    count = [0]

    def walk(node):
        if hasattr(node, "hyperparams") and hasattr(node, "_replace"):
            count[0] += 1
            old = node.hyperparams["learning_rate"]
            return node._replace(hyperparams={**node.hyperparams, "learning_rate": jnp.array(learning_rate, old.dtype)})
        if isinstance(node, tuple) and hasattr(node, "_fields"):
            return type(node)(*[walk(x) for x in node])
        if isinstance(node, (tuple, list)):
            return type(node)(walk(x) for x in node)
        if isinstance(node, dict):
            return {k: walk(v) for k, v in node.items()}
        return node

    new_state = walk(opt_state)
    if count[0] == 0:
        raise ValueError("no inject_hyperparams state found")
    return new_state

# question: q1
# how: labels each top-level subtree in a dict comprehension.
def label_params(params):
    return {
        name: jax.tree.map(lambda _, label=("head" if name == "head" else "backbone"): label, subtree)
        for name, subtree in params.items()
    }

# question: q3
# why: handles a state that is itself an inject_hyperparams state, not one inside a chain.
def set_learning_rate(opt_state, learning_rate):
    """A copy of opt_state with every injected learning rate set to learning_rate."""
    kinds = (optax.InjectStatefulHyperparamsState, optax.InjectHyperparamsState)
    found = []

    if not isinstance(opt_state, kinds):
        raise ValueError("no inject_hyperparams state in opt_state")
    old = opt_state.hyperparams["learning_rate"]
    hyperparams = dict(opt_state.hyperparams)
    hyperparams["learning_rate"] = jnp.asarray(learning_rate, dtype=old.dtype)
    return opt_state._replace(hyperparams=hyperparams)

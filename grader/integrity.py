"""Integrity canaries: checks the grader runs in the student's kernel after every graded cell.

Tests run in the same kernel as the student's code, so a student could try to earn points
by making failures disappear: patching the tests' comparison helpers into no-ops
(``numpy.testing.assert_allclose = lambda *a, **k: None``, ``np.allclose``, ``jnp.allclose``,
``builtins.all``, a helper's ``__code__``, or the same names shadowed in the notebook) or
by swallowing errors (``set_custom_exc``, IPython event hooks, input or AST transformers,
a patched ``run_cell``). Before the notebook's first cell the grader records a *baseline*
in the fresh kernel: every function of the modules the tests lean on (:data:`WATCHED`).
After each graded cell it runs a *canary* cell that

1. compares those functions with the baseline (replaced, deleted, or new ``__code__``);
2. calls the comparison helpers the notebook's namespace resolves with values that
   differ, and expects each to fail, as a test would see it;
3. ends with ``assert False, TOKEN``: the grader expects exactly that error in the reply,
   so any hook that hides or rewrites errors hides this one too.

A canary that does not fire makes the submission ``tampered`` (score 0), with the reason.
Honest code never trips it: it touches none of these functions. What it cannot stop: code
written to recognise the canary itself, which needs the grader's source (public) and
deliberate work; :mod:`grader.review` flags the APIs such code needs, for a human.

The baseline also reports ``jax.default_backend()``, read before any student code runs.

Example:
    >>> source = baseline_source("k3y")       # the kernel's first cell
    >>> check = canary_source("k3y", "tok")   # after each graded cell
    >>> parse_canary({"status": "error", "ename": "AssertionError", "evalue": "tok"}, "tok")
    []
"""

from __future__ import annotations

import json

# Modules whose functions the tests call, directly or through each other.
WATCHED = (
    "builtins",
    "math",
    "operator",
    "numpy",
    "numpy.testing",
    "numpy.testing._private.utils",
    "jax",
    "jax.numpy",
    "jax.tree",
    "jax.tree_util",
    "optax",
    "optax.tree",
)

# Run once in the kernel, before the notebook: defines the store under builtins.
_KERNEL_CODE = r'''
def __grader_setup(key):
    import builtins, importlib, types, random
    exec_, compile_, dict_, getattr_, callable_, id_ = exec, compile, dict, getattr, callable, id

    def watched():
        table = {}
        for name in WATCHED:
            try:
                module = importlib.import_module(name)
            except Exception:
                continue
            for attr, value in list(vars(module).items()):
                owner = getattr_(value, "__self__", None)
                if attr in ("_", "__", "___") or isinstance(value, types.ModuleType) or not callable_(value):
                    continue
                if isinstance(value, types.MethodType) or not isinstance(owner, (types.ModuleType, type(None))):
                    continue  # a bound method is a new object at every lookup
                table[(name, attr)] = (id_(value), id_(getattr_(value, "__code__", None)), module)
        return table

    base = watched()
    snapshots = {}

    def resolve(ns, chain):
        """What ``chain`` means in ``ns``, as a test running there would look it up."""
        head, *rest = chain.split(".")
        value = ns[head] if head in ns else getattr_(builtins, head)
        for part in rest:
            value = getattr_(value, part)
        return value

    def must_fail(ns, chain, *args):
        try:
            fn = resolve(ns, chain)
        except Exception:
            return None  # not reachable: the tests that use it fail on their own
        try:
            result = fn(*args)
        except BaseException:
            return None
        if chain.split(".")[-1].startswith("assert"):
            return f"{chain} accepted values that differ"
        try:
            if hasattr(result, "all"):
                result = result.all()
            truthy = bool(result)
        except BaseException:
            return None
        return f"{chain} called two different values equal" if truthy else None

    def check(ns):
        problems = []
        for (name, attr), (value_id, code_id, module) in base.items():
            value = vars(module).get(attr, None)
            if value is None:
                problems.append(f"{name}.{attr} was deleted")
            elif id_(value) != value_id:
                problems.append(f"{name}.{attr} was replaced")
            elif id_(getattr_(value, "__code__", None)) != code_id:
                problems.append(f"{name}.{attr} has new code")
        a = random.uniform(0.3, 0.6)
        b = a + random.uniform(0.2, 0.4)
        for chain in ("np.testing.assert_allclose", "np.testing.assert_array_equal",
                      "np.testing.assert_array_almost_equal", "np.testing.assert_almost_equal",
                      "np.testing.assert_equal", "np.testing.assert_approx_equal",
                      "numpy.testing.assert_allclose", "numpy.testing.assert_array_equal",
                      "npt.assert_allclose", "assert_allclose", "assert_array_equal"):
            problems.append(must_fail(ns, chain, a, b))
        for chain in ("np.allclose", "np.isclose", "np.array_equal", "np.array_equiv", "jnp.allclose",
                      "jnp.isclose", "jnp.array_equal", "numpy.allclose", "math.isclose"):
            problems.append(must_fail(ns, chain, a, b))
        problems.append(must_fail(ns, "all", [a == b]))
        problems.append(must_fail(ns, "any", [a == b]))
        problems.append(None if resolve_safe(ns, "abs", -a) == a else "abs was replaced")
        problems.append(None if resolve_safe(ns, "len", [a, b]) == 2 else "len was replaced")
        problems.append(None if resolve_safe(ns, "float", "0.5") == 0.5 else "float was replaced")
        problems.append(None if resolve_safe(ns, "isinstance", a, str) is False else "isinstance was replaced")
        return sorted({p for p in problems if p})

    def resolve_safe(ns, chain, *args):
        try:
            return resolve(ns, chain)(*args)
        except BaseException:
            return "<error>"

    def snapshot(label, ns):
        snapshots[label] = dict_(ns)

    def run(label, source):
        exec_(compile_(source, "<hidden test>", "exec"), snapshots[label])

    def check_in(label):
        return check(snapshots[label])

    store = types.SimpleNamespace(check=check, snapshot=snapshot, run=run, check_in=check_in)
    setattr(builtins, key, store)
    try:
        import jax
        return jax.default_backend()
    except Exception as e:
        return f"unknown ({type(e).__name__})"
'''


def baseline_source(key: str) -> str:
    """The kernel's first cell: records the baseline, and raises the backend as its error."""
    return (
        f"WATCHED = {WATCHED!r}\n{_KERNEL_CODE}\n"
        f"__grader_backend = __grader_setup({key!r})\n"
        "del __grader_setup, WATCHED\n"
        "assert False, 'backend=' + __grader_backend"
    )


def parse_backend(reply: dict) -> str:
    """The backend the baseline cell reported, or 'unknown'."""
    evalue = reply.get("evalue", "")
    return evalue.split("backend=", 1)[1].strip()[:40] if "backend=" in evalue else "unknown"


def canary_source(key: str, token: str, label: str | None = None) -> str:
    """A canary for the notebook's namespace, or for a deferred hidden test's snapshot ``label``."""
    check = f"{key}.check_in({label!r})" if label else f"{key}.check(globals())"
    return f"assert False, {token!r} + '|'.join({check})"


def parse_canary(reply: dict, token: str) -> list[str]:
    """What the canary's reply says is wrong: [] when it fired as expected."""
    if reply.get("status") != "error":
        return ["an error raised by the grader did not surface (errors are being suppressed)"]
    evalue = str(reply.get("evalue", ""))
    if reply.get("ename") != "AssertionError" or not evalue.startswith(token):
        return ["an error raised by the grader was altered on its way out"]
    found = evalue[len(token) :]
    return [p for p in found.split("|") if p][:10]


def snapshot_source(key: str, label: str) -> str:
    """Stands where a hidden test was: keeps the namespace as that test would have seen it."""
    return f"{key}.snapshot({label!r}, globals())"


def run_source(key: str, label: str, source: str) -> str:
    """Runs a deferred hidden test in its snapshot."""
    return f"{key}.run({label!r}, {json.dumps(source)})"

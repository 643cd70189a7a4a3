"""Flags, for a human, student code that reaches for the grader's machinery.

The integrity canaries (:mod:`grader.integrity`) catch code that patches the tests'
helpers or hides errors, however it is written, unless it was written to recognise the
canaries themselves. Such code needs a handful of APIs that an exercise on optimizers
never does: IPython's hooks and transformers, the interpreter's exception and display
hooks, rebinding attributes of numpy, jax, optax or builtins, rewriting ``__code__``, or
running text as code. This module finds them in the learner's cells (not in the tests,
which the grader supplies) so that the grade's detail says "flagged for review". A flag
never changes the score.

Example:
    >>> flags(nb)
    ['cell 4: registers an IPython event hook (events.register)']
"""

from __future__ import annotations

import ast

WATCHED_ROOTS = {"np", "numpy", "jnp", "jax", "optax", "builtins", "npt", "math", "sys", "IPython", "nnx", "flax"}
# Builtins the tests call: a learner's variable of that name hides the real one.
SHADOWED = {"all", "any", "abs", "len", "float", "isinstance", "bool", "print", "max", "min", "sum"}
CALLS = {
    "set_custom_exc": "replaces IPython's error handling (set_custom_exc)",
    "register": "registers an IPython event hook (events.register)",
    "excepthook": "replaces the interpreter's exception hook",
    "displayhook": "replaces the interpreter's display hook",
    "settrace": "installs a trace function (sys.settrace)",
    "setprofile": "installs a profile function (sys.setprofile)",
    "exec": "runs text as code (exec)",
    "eval": "runs text as code (eval)",
    "compile": "compiles text as code",
    "reload": "reloads a module",
    "setattr": "sets attributes by name (setattr)",
}
ATTRIBUTES = {
    "input_transformers_post": "rewrites cells before they run (input transformers)",
    "input_transformers_cleanup": "rewrites cells before they run (input transformers)",
    "ast_transformers": "rewrites cells before they run (AST transformers)",
    "showtraceback": "replaces how errors are shown",
    "run_cell": "replaces how cells run",
    "__code__": "rewrites a function's code (__code__)",
    "custom_exceptions": "replaces IPython's error handling",
}


def flags(nb) -> list[str]:
    """What in the learner's cells of ``nb`` (as autograded: nbgrader has restored the
    released test and locked cells) a human should look at."""
    found = []
    for index, cell in enumerate(nb.cells):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        test = meta.get("grade") and not meta.get("solution")
        grader_supplied = meta.get("grade_id") and (meta.get("locked") or test)
        if cell.cell_type != "code" or grader_supplied:  # nbgrader restored these from the release
            continue
        for reason in sorted(set(_reasons(cell.source))):
            found.append(f"cell {index}: {reason}")
    return found


def _reasons(source: str):
    try:
        tree = ast.parse(_python_only(source))
    except SyntaxError:
        return
    roots = WATCHED_ROOTS | _aliases(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in CALLS and (name != "register" or _mentions(node.func, "events")):
                yield CALLS[name]
        elif isinstance(node, ast.Attribute) and node.attr in ATTRIBUTES:
            yield ATTRIBUTES[node.attr]
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
            for target in targets:
                if isinstance(target, ast.Attribute) and _root(target) in roots:
                    yield f"rebinds {ast.unparse(target)}"
                elif isinstance(target, ast.Name) and target.id in roots | SHADOWED:
                    yield f"rebinds {target.id}"
                elif isinstance(target, ast.Subscript) and _is_namespace(target.value):
                    yield "writes into a module's namespace"


def _aliases(tree) -> set[str]:
    """Names the cell binds to modules of the watched packages (``import numpy.testing as t``)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.asname or a.name for a in node.names if a.name.split(".")[0] in WATCHED_ROOTS}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in WATCHED_ROOTS:
            names |= {a.asname or a.name for a in node.names}
    return names


def _python_only(source: str) -> str:
    """The cell without IPython's magics and shell escapes, which ast cannot parse."""
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())


def _is_namespace(node) -> bool:
    """``vars(m)``, ``m.__dict__`` or ``globals()``: a dictionary that is a namespace."""
    if isinstance(node, ast.Attribute):
        return node.attr == "__dict__"
    return isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("vars", "globals")


def _root(node) -> str:
    while isinstance(node, ast.Attribute):
        node = node.value
    return getattr(node, "id", "")


def _mentions(node, name: str) -> bool:
    return any(isinstance(n, ast.Attribute) and n.attr == name for n in ast.walk(node))

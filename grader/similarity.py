"""Near-identical answers between students, for a human to look at (never a penalty).

Each answer cell (an nbgrader ``solution`` cell) is normalised: parsed, docstrings
and comments dropped, every name the cell binds (arguments, assignments, loop
variables, functions) renamed ``v0, v1, ...`` in order of appearance, and
re-printed by :func:`ast.unparse`, so that formatting and renaming change nothing.
Cells still equal to the exercise's starter code or to the reference solution are
left out (every correct student may write the reference). Two students are a pair
when the tokens of their remaining answers have a :class:`difflib.SequenceMatcher`
ratio of at least ``THRESHOLD`` and there are at least ``MIN_TOKENS`` of them.

Example:
    >>> pairs = similar_pairs({("ada", "01_x"): Path("ada.ipynb"), ("bob", "01_x"): Path("bob.ipynb")}, references)
    >>> [(p.first, p.second, round(p.ratio, 2)) for p in pairs]
    [('ada', 'bob', 0.97)]
"""

from __future__ import annotations

import ast
import dataclasses
import difflib
import io
import itertools
import json
import tokenize
from pathlib import Path

THRESHOLD = 0.9
MIN_TOKENS = 25


@dataclasses.dataclass(frozen=True)
class Pair:
    assignment: str
    first: str
    second: str
    ratio: float
    tokens: int  # the shorter of the two answers, in tokens


def answer_cells(path: Path) -> dict[str, str]:
    """The source of each answer cell of a notebook, by grade id; {} if it is unreadable."""
    try:
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError, AttributeError):
        return {}
    answers = {}
    for cell in cells if isinstance(cells, list) else []:
        meta = cell.get("metadata", {}).get("nbgrader", {}) if isinstance(cell, dict) else {}
        if cell.get("cell_type") == "code" and meta.get("solution") and meta.get("grade_id"):
            source = cell.get("source", "")
            answers[meta["grade_id"]] = "".join(source) if isinstance(source, list) else str(source)
    return answers


def normalise(source: str) -> list[str]:
    """The tokens of ``source`` with formatting, comments, docstrings and bound names normalised.

    >>> normalise("def f(x):\\n    '''doc'''\\n    return x + 1  # c") == normalise("def g(y): return y+1")
    True
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return [t for t in _tokens(source) if t.strip()]
    _Renamer().visit(tree)
    return [t for t in _tokens(ast.unparse(tree)) if t.strip()]


def similar_pairs(
    notebooks: dict[tuple[str, str], Path], references: dict[str, list[Path]], threshold: float = THRESHOLD
) -> list[Pair]:
    """Pairs of students whose answers to one assignment are near-identical.

    ``references`` maps an assignment to notebooks whose answers are common ground
    (its exercise and its solution).
    """
    pairs = []
    for assignment in sorted({a for _, a in notebooks}):
        common = {
            (gid, tuple(normalise(src)))
            for ref in references.get(assignment, [])
            for gid, src in answer_cells(ref).items()
        }
        answers = {}
        for (student, a), path in sorted(notebooks.items()):
            if a != assignment:
                continue
            tokens = []
            for gid, source in sorted(answer_cells(path).items()):
                normal = normalise(source)
                if (gid, tuple(normal)) not in common:
                    tokens += [f"#{gid}", *normal]
            if len(tokens) >= MIN_TOKENS:
                answers[student] = tokens
        for (a, ta), (b, tb) in itertools.combinations(sorted(answers.items()), 2):
            matcher = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
            # upper bounds first: most pairs are ruled out without the quadratic ratio()
            if matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold:
                ratio = matcher.ratio()
                if ratio >= threshold:
                    pairs.append(Pair(assignment, a, b, ratio, min(len(ta), len(tb))))
    return pairs


def _tokens(text: str) -> list[str]:
    try:
        return [t.string for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type != tokenize.COMMENT]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return text.split()


class _Renamer(ast.NodeTransformer):
    """Renames the names a cell binds, in order of appearance; drops docstrings."""

    def __init__(self):
        self.names: dict[str, str] = {}

    def _new(self, name: str) -> str:
        return self.names.setdefault(name, f"v{len(self.names)}")

    def _body(self, node):
        body = node.body
        first = body[0].value if body and isinstance(body[0], ast.Expr) else None
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            node.body = body[1:] or [ast.Pass()]

    def visit_FunctionDef(self, node):
        node.name = self._new(node.name)
        self._body(node)
        self.generic_visit(node)
        return node

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_arg(self, node):
        node.arg = self._new(node.arg)
        node.annotation = None
        return node

    def visit_Name(self, node):
        if isinstance(node.ctx, ast.Store) or node.id in self.names:
            node.id = self._new(node.id)
        return node

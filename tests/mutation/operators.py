"""Mutmut-style operators on the AST of a solution region.

Each mutant changes one node inside the ``### BEGIN SOLUTION`` / ``### END SOLUTION``
lines of a cell: a flipped comparison or sign, an off-by-one constant, swapped
arguments, a dropped statement or keyword, a call replaced by its argument or by a
sibling function.

Example:
    >>> src = "def f(x):\\n    ### BEGIN SOLUTION\\n    return x + 1\\n    ### END SOLUTION\\n"
    >>> [m.operator for m in mutants(src)][:2]
    ['binop', 'operand']
"""

from __future__ import annotations

import ast
import copy
from collections.abc import Iterator
from dataclasses import dataclass

COMPARE = {
    ast.Lt: [ast.LtE, ast.Gt],
    ast.LtE: [ast.Lt, ast.GtE],
    ast.Gt: [ast.GtE, ast.Lt],
    ast.GtE: [ast.Gt, ast.LtE],
    ast.Eq: [ast.NotEq],
    ast.NotEq: [ast.Eq],
    ast.Is: [ast.IsNot],
    ast.IsNot: [ast.Is],
    ast.In: [ast.NotIn],
    ast.NotIn: [ast.In],
}
BINOP = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.Pow: ast.Mult,
    ast.FloorDiv: ast.Div,
    ast.Mod: ast.FloorDiv,
}
# A function a learner might call instead of the right one.
SIBLINGS = {
    "sum": "mean",
    "mean": "sum",
    "max": "min",
    "min": "max",
    "maximum": "minimum",
    "minimum": "maximum",
    "sqrt": "abs",
    "square": "abs",
    "abs": "square",
    "zeros_like": "ones_like",
    "ones_like": "zeros_like",
    "adam": "sgd",
    "sgd": "adam",
    "adamw": "adam",
    "scale_by_adam": "scale_by_rms",
    "set_to_zero": "identity",
    "identity": "set_to_zero",
    "clip_by_global_norm": "clip",
    "tree_leaves": "tree_structure",
    "any": "all",
    "all": "any",
}


@dataclass(frozen=True)
class Mutant:
    """One changed copy of the cell: ``source`` replaces the whole cell."""

    operator: str
    line: int  # 1-based line of the changed node in the cell
    col: int  # its column
    before: str  # the cell's line before the change, stripped
    after: str  # a short rendering of the changed node
    source: str

    @property
    def key(self) -> str:
        return f"{self.operator} L{self.line}:{self.col} -> {self.after}"


def region_lines(source: str) -> tuple[int, int]:
    """1-based first and last line strictly between BEGIN and END SOLUTION."""
    lines = source.splitlines()
    begin = next(i for i, line in enumerate(lines) if "### BEGIN SOLUTION" in line)
    end = next(i for i, line in enumerate(lines) if "### END SOLUTION" in line)
    return begin + 2, end


def _variants(node: ast.AST, parent: ast.AST) -> Iterator[tuple[str, ast.AST | None]]:
    """(operator, replacement) pairs for one node; replacement None drops a statement."""
    if isinstance(node, ast.stmt) and not isinstance(parent, ast.Module):
        yield "drop", None
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        for new in COMPARE.get(type(node.ops[0]), []):
            yield "compare", ast.Compare(node.left, [new()], node.comparators)
    elif isinstance(node, ast.BinOp):
        if type(node.op) in BINOP:
            yield "binop", ast.BinOp(node.left, BINOP[type(node.op)](), node.right)
        yield "operand", node.left
        yield "operand", node.right
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.Not):
        yield "sign", node.operand
    elif isinstance(node, ast.BoolOp):
        yield "boolop", ast.BoolOp(ast.Or() if isinstance(node.op, ast.And) else ast.And(), node.values)
    elif isinstance(node, ast.IfExp):
        yield "ifexp", ast.IfExp(node.test, node.orelse, node.body)
    elif isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool):
            yield "constant", ast.Constant(not value)
        elif isinstance(value, int):
            yield "constant", ast.Constant(value + 1)
            yield "constant", ast.Constant(value - 1)
        elif isinstance(value, float):
            yield "constant", ast.Constant(value + 1.0)
            yield "constant", ast.Constant(value / 2)
        elif isinstance(value, str) and not isinstance(parent, ast.Expr):
            yield "constant", ast.Constant(f"XX{value}XX")
    elif isinstance(node, ast.Call):
        yield from _call_variants(node)
    elif isinstance(node, ast.Return) and node.value is not None:
        yield "return", ast.Return(ast.Constant(None))


def _call_variants(node: ast.Call) -> Iterator[tuple[str, ast.AST]]:
    for i in range(len(node.args) - 1):
        args = list(node.args)
        args[i], args[i + 1] = args[i + 1], args[i]
        yield "swap-args", ast.Call(node.func, args, node.keywords)
    for i in range(len(node.keywords) - 1):
        kws = [ast.keyword(k.arg, k.value) for k in node.keywords]
        kws[i].value, kws[i + 1].value = kws[i + 1].value, kws[i].value
        yield "swap-args", ast.Call(node.func, node.args, kws)
    for i in range(len(node.keywords)):
        yield "drop-keyword", ast.Call(node.func, node.args, node.keywords[:i] + node.keywords[i + 1 :])
    if node.args and not isinstance(node.args[0], ast.Starred):
        yield "replace-call", node.args[0]
    name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
    if name in SIBLINGS:
        func = copy.copy(node.func)
        if isinstance(func, ast.Attribute):
            func.attr = SIBLINGS[name]
        else:
            func.id = SIBLINGS[name]
        yield "replace-call", ast.Call(func, node.args, node.keywords)


def _parents(tree: ast.AST) -> list[tuple[ast.AST, ast.AST, str, int | None]]:
    """(node, parent, field, index) for every node, in a deterministic order."""
    out = []
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if isinstance(value, list):
                out += [(v, parent, field, i) for i, v in enumerate(value) if isinstance(v, ast.AST)]
            elif isinstance(value, ast.AST):
                out.append((value, parent, field, None))
    return out


def mutants(source: str) -> list[Mutant]:
    """Every single-node mutant of the solution region of a cell's source."""
    first, last = region_lines(source)
    lines = source.splitlines()
    tree = ast.parse(source)
    found, seen = [], set()
    for n, (node, parent, _, _) in enumerate(_parents(tree)):
        line = getattr(node, "lineno", None)
        if line is None or not first <= line <= last:
            continue
        for operator, replacement in _variants(node, parent):
            copy_tree = copy.deepcopy(tree)
            target, cparent, field, index = _parents(copy_tree)[n]
            new = copy.deepcopy(replacement) if replacement is not None else None
            if index is None:
                setattr(cparent, field, new)
            elif new is None:
                body = getattr(cparent, field)
                body[index : index + 1] = [] if len(body) > 1 else [ast.Pass()]
            else:
                getattr(cparent, field)[index] = new
            ast.fix_missing_locations(copy_tree)
            try:
                mutated = ast.unparse(copy_tree)
                compile(mutated, "<mutant>", "exec")
            except (SyntaxError, ValueError, TypeError):
                continue
            if mutated in seen or mutated == ast.unparse(tree):
                continue
            seen.add(mutated)
            after = "(dropped)" if new is None else ast.unparse(new)
            found.append(Mutant(operator, line, node.col_offset, lines[line - 1].strip(), after[:80], mutated))
    return found

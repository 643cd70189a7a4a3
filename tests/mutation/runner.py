"""Runs a question's tests in-process against each mutant of its solution region.

The cells before the answer run once per question (setup, data, earlier answers and
their tests); each mutant then runs in a shallow copy of that namespace: its answer
cell, the visible test cell, the hidden test cell. Any exception, or running past the
time limit, kills it.

Example:
    >>> q = questions(Path("solutions/01_mental_model/01_mental_model.ipynb"))[0]
    >>> run_question(q)["killed"]  # the mutants the tests catch
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import signal
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

from tests.mutation.operators import mutants

REPO = Path(__file__).resolve().parents[2]
TOOL_VERSION = "1"  # bump when the operators change: every question's report goes stale
TIME_LIMIT_S = 120  # a mutant running longer than this (an endless loop) counts as killed


@dataclass
class Question:
    assignment: str  # e.g. "03_clipping"
    name: str  # e.g. "q2"
    context: list[str]  # every code cell before the answer cell
    answer: str
    visible: str
    hidden: str

    @property
    def id(self) -> str:
        return f"{self.assignment}/{self.name}"

    @property
    def digest(self) -> str:
        """Hash of everything the question's score depends on."""
        parts = [TOOL_VERSION, *self.context, self.answer, self.visible, self.hidden]
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


def _code(source: str) -> str:
    """Cell source without IPython's ``!`` and ``%`` lines."""
    return "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("!", "%")))


def questions(notebook: Path) -> list[Question]:
    """The graded questions of a solution notebook, in order."""
    nb = nbformat.read(notebook, 4)
    cells = [(c.metadata.get("nbgrader", {}).get("grade_id", ""), c.source) for c in nb.cells if c.cell_type == "code"]
    by_id = dict(cells)
    found = []
    for i, (grade_id, source) in enumerate(cells):
        if grade_id.endswith("_answer"):
            name = grade_id.removesuffix("_answer")
            context = [_code(s) for _, s in cells[:i]]
            found.append(
                Question(
                    notebook.parent.name,
                    name,
                    context,
                    source,
                    _code(by_id[f"{name}_visible"]),
                    _code(by_id[f"{name}_hidden"]),
                )
            )
    return found


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout()


def _passes(base: dict, answer: str, tests: list[str]) -> str | None:
    """None when the answer passes every test cell, else why it failed."""
    namespace = dict(base)
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT_S)
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            for source in [answer, *tests]:
                exec(compile(source, "<cell>", "exec"), namespace)
    except _Timeout:
        return "timeout"
    except BaseException as err:  # any failure of the tests kills the mutant
        return f"{type(err).__name__}: {str(err)[:120]}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return None


def run_question(question: Question) -> dict:
    """Grades the solution and every mutant; the solution must pass."""
    base: dict = {"__name__": "__main__"}
    with contextlib.redirect_stdout(io.StringIO()):
        for i, source in enumerate(question.context):
            exec(compile(source, f"<cell {i} before the answer>", "exec"), base)
    tests = [question.visible, question.hidden]
    failure = _passes(base, _code(question.answer), tests)
    if failure:
        raise RuntimeError(f"{question.id}: the solution fails its own tests: {failure}")
    start, killed, survived = time.perf_counter(), [], []
    for mutant in mutants(question.answer):
        (survived if _passes(base, mutant.source, tests) is None else killed).append(mutant.key)
    return {
        "digest": question.digest,
        "mutants": len(killed) + len(survived),
        "killed": len(killed),
        "survived": survived,
        "seconds": round(time.perf_counter() - start, 1),
    }


def all_questions() -> dict[str, Question]:
    """Every question of every solutions/NN_slug notebook."""
    found = {}
    for notebook in sorted((REPO / "solutions").glob("[0-9][0-9]_*/*.ipynb")):
        if notebook.stem == notebook.parent.name:
            found.update({q.id: q for q in questions(notebook)})
    return found


def run_one(qid: str) -> tuple[str, dict]:
    """(qid, result) for one question id; a worker process's task. A solution that fails
    its own tests gives a result with ``error`` set."""
    try:
        return qid, run_question(all_questions()[qid])
    except Exception as err:  # the solution or a cell before it fails: report, don't crash
        return qid, {"error": f"{qid}: {type(err).__name__}: {err}"}

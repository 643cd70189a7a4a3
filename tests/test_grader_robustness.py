"""Broken, hostile and odd submissions: each gets a row with a clear status, earns
nothing it did not earn, and the rest of the batch is still graded."""

from __future__ import annotations

import copy
import csv
import json
import sys

import nbformat
import pytest
from conftest import REPO, grade_cell, run

from grader.sandbox import HAVE_BWRAP

ASSIGNMENT = "01_mental_model"
SOLUTION = nbformat.read(REPO / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", 4)
EXERCISE = nbformat.read(REPO / "exercises" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", 4)
FULL = 7.0


def solution_plus(code: str):
    """The solution, with ``code`` run at the end of question 1's answer cell."""
    nb = copy.deepcopy(SOLUTION)
    grade_cell(nb, "q1_answer").source += "\n" + code
    return nb


def deleted_tests():
    nb = copy.deepcopy(SOLUTION)
    gone = ("q2_visible", "q2_hidden")
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") not in gone]
    return nb


def duplicated_cells():
    nb = copy.deepcopy(EXERCISE)
    nb.cells.insert(3, copy.deepcopy(grade_cell(nb, "q1_visible")))
    nb.cells.append(copy.deepcopy(grade_cell(nb, "q1_answer")))
    return nb


def reordered_cells():
    nb = copy.deepcopy(SOLUTION)
    nb.cells = nb.cells[:1] + list(reversed(nb.cells[1:]))
    return nb


def tampered_tests():
    nb = copy.deepcopy(EXERCISE)
    for grade_id in ("q1_visible", "q1_hidden", "q2_visible", "q2_hidden"):
        grade_cell(nb, grade_id).source = "print('all good')"
    return nb


def hides_errors():
    nb = copy.deepcopy(EXERCISE)
    grade_cell(nb, "setup").source += (
        "\nget_ipython().showtraceback = lambda *a, **k: None"
        "\nget_ipython().showsyntaxerror = lambda *a, **k: None"
        "\nimport builtins, sys\nbuiltins.AssertionError = type('AssertionError', (Exception,), {})"
        "\nsys.excepthook = lambda *a: None"
    )
    return nb


NOTEBOOKS = {
    "solution": lambda: SOLUTION,
    "blank": lambda: EXERCISE,
    "deleted_tests": deleted_tests,
    "duplicated_cells": duplicated_cells,
    "reordered_cells": reordered_cells,
    "tampered_tests": tampered_tests,
    "hides_errors": hides_errors,
    "infinite_loop": lambda: solution_plus("while True:\n    pass"),
    "memory_bomb": lambda: solution_plus("import numpy\n_bomb = numpy.ones(2**34)"),
    "fork_bomb": lambda: solution_plus("import os\nfor _ in range(100000):\n    os.fork()"),
    "kills_kernel": lambda: solution_plus("import os\nos._exit(1)"),
    "snoops": lambda: solution_plus(
        "for _p in ['solutions/01_mental_model/01_mental_model.ipynb', '../course/gradebook.db']:\n    open(_p)"
    ),
    # The compile cache holds the compiled solution: listing it or writing to it must fail.
    "browses_compile_cache": lambda: solution_plus(
        "import jax, os\n_cache = jax.config.jax_compilation_cache_dir\n"
        "assert _cache, 'the grader gives this kernel a compile cache'\n"
        "for _try in (lambda: os.listdir(_cache), lambda: open(os.path.join(_cache, 'poison'), 'w')):\n"
        "    try:\n        _try()\n    except OSError:\n        pass\n    else:\n        os._exit(1)"
    ),
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    subs = tmp_path_factory.mktemp("class")
    for student, make in NOTEBOOKS.items():
        (subs / student).mkdir()
        nbformat.write(make(), subs / student / f"{ASSIGNMENT}.ipynb")
    (subs / "invalid_json").mkdir()
    (subs / "invalid_json" / f"{ASSIGNMENT}.ipynb").write_text('{"cells": [')
    (subs / "old_nbformat").mkdir()
    v3 = {"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": [{"cells": []}]}
    (subs / "old_nbformat" / f"{ASSIGNMENT}.ipynb").write_text(json.dumps(v3))
    (subs / "unknown").mkdir()
    nbformat.write(SOLUTION, subs / "unknown" / "99_no_such_chapter.ipynb")
    (subs / "empty").mkdir()
    (subs / "renamed").mkdir()
    nbformat.write(SOLUTION, subs / "renamed" / f"Copy of {ASSIGNMENT} (1).ipynb")
    (subs / "stray.txt").write_text("not in a student folder")
    out = tmp_path_factory.mktemp("results")
    proc = run(sys.executable, "-m", "grader", "grade", subs, "--out", out, "--jobs", "2", "--timeout", "15")
    with (out / "grades.csv").open() as f:
        return {r["student"]: r for r in csv.DictReader(f)}, out, proc


def row(batch, student):
    return batch[0][student]


def test_the_batch_completes_and_exits_zero(batch):
    table, _, proc = batch
    assert proc.returncode == 0
    assert set(NOTEBOOKS) <= set(table)


def test_the_solution_still_earns_full_marks(batch):
    assert (row(batch, "solution")["status"], float(row(batch, "solution")["score"])) == ("graded", FULL)
    assert float(row(batch, "renamed")["score"]) == FULL, "Colab's 'Copy of …' names are understood"


@pytest.mark.parametrize("student", ["blank", "duplicated_cells", "tampered_tests", "hides_errors"])
def test_no_points_without_answers(batch, student):
    r = row(batch, student)
    assert float(r["score"]) == 0, r
    assert r["status"] in ("graded", "tampered"), r


def test_deleted_tests_earn_nothing_for_their_question(batch):
    r = row(batch, "deleted_tests")
    assert float(r["score"]) <= 3, r  # question 1 only


def test_reordered_cells_are_graded(batch):
    r = row(batch, "reordered_cells")
    assert r["status"] == "graded" and float(r["score"]) < FULL, r  # tests ran before the answers


@pytest.mark.parametrize(
    "student,status",
    [
        ("infinite_loop", "timeout"),
        ("memory_bomb", "memory_limit"),
        ("fork_bomb", "process_limit" if HAVE_BWRAP else "timeout"),  # or a timeout, below
        ("kills_kernel", "kernel_died"),
    ],
)
def test_limits_take_effect_and_are_named(batch, student, status):
    r = row(batch, student)
    # A fork bomb meets the process limit; its children may then hold the cell past the limit.
    allowed = {status, "timeout"} if student == "fork_bomb" else {status}
    assert r["status"] in allowed and r["detail"], r


def test_kernel_death_earns_nothing(batch):
    r = row(batch, "kills_kernel")
    assert float(r["score"]) == 0 and float(r["max_score"]) == FULL
    assert "retry in a fresh sandbox" in r["detail"], "a dead kernel is tried once more before it counts"


@pytest.mark.skipif(not HAVE_BWRAP, reason="isolation of files needs bubblewrap")
def test_student_code_cannot_read_solutions_or_gradebook(batch):
    html = (batch[1] / "feedback" / "snoops" / f"{ASSIGNMENT}.html").read_text()
    assert "FileNotFoundError" in html


@pytest.mark.skipif(not HAVE_BWRAP, reason="a read-only compile cache needs bubblewrap")
def test_student_code_can_neither_list_nor_poison_the_compile_cache(batch):
    r = row(batch, "browses_compile_cache")
    assert (r["status"], float(r["score"])) == ("graded", FULL), r


@pytest.mark.parametrize(
    "student,status",
    [
        ("invalid_json", "invalid_notebook"),
        ("old_nbformat", "invalid_notebook"),
        ("unknown", "unknown_assignment"),
        ("empty", "empty"),
        ("", "not_in_student_folder"),
    ],
)
def test_unusable_files_get_a_row_saying_why(batch, student, status):
    r = row(batch, student)
    assert r["status"] == status and r["detail"], r
    assert float(r["score"]) == 0


@pytest.mark.skipif(not HAVE_BWRAP, reason="cleaning up between kernels needs the sandbox's pid namespace")
def test_nothing_a_kernel_leaves_behind_reaches_the_next_student(tmp_path):
    """With one worker, the second student's kernel is forked in the same sandbox."""
    subs = tmp_path / "class"
    leaves_a_daemon = solution_plus(
        "import subprocess\nsubprocess.Popen(['sleep', '1000'], start_new_session=True)\n"
        "open('left_behind.txt', 'w').write('boo')"
    )
    checks = solution_plus(
        "import os\n_others = [p for p in os.listdir('/proc') if p.isdigit() and p != str(os.getpid())]\n"
        "_cmds = [open(f'/proc/{p}/cmdline').read() for p in _others if os.path.exists(f'/proc/{p}/cmdline')]\n"
        "if os.listdir('.') or any('sleep' in c for c in _cmds):\n    os._exit(1)"
    )
    for student, nb in (("a_leaves_a_daemon", leaves_a_daemon), ("b_checks", checks)):
        (subs / student).mkdir(parents=True)
        nbformat.write(nb, subs / student / f"{ASSIGNMENT}.ipynb")
    out = tmp_path / "out"
    run(sys.executable, "-m", "grader", "grade", subs, "--out", out, "--jobs", "1")
    with (out / "grades.csv").open() as f:
        table = {r["student"]: r for r in csv.DictReader(f)}
    assert table["b_checks"]["status"] == "graded", table["b_checks"]

"""exercises/ is exactly what nbgrader generates from solutions/, and gives nothing away."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys

import nbformat
import pytest
from conftest import BIN, REPO, assignment_ids, grade_cell, run

from grader.course import Course, release

ASSIGNMENTS = assignment_ids()


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    return release(Course.from_repo(), ASSIGNMENTS, tmp_path_factory.mktemp("course"))


def test_every_solution_has_an_exercise_and_a_chapter():
    assert ASSIGNMENTS, "no assignments found in solutions/"
    exercises = sorted(p.name for p in (REPO / "exercises").iterdir() if p.is_dir())
    assert exercises == ASSIGNMENTS
    for assignment in ASSIGNMENTS:
        assert (REPO / "book" / f"{assignment}.md").is_file(), f"no chapter for {assignment}"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_regenerating_gives_the_committed_exercises(released, assignment):
    fresh = sorted(p.relative_to(released / assignment) for p in (released / assignment).rglob("*") if p.is_file())
    committed_dir = REPO / "exercises" / assignment
    committed = sorted(p.relative_to(committed_dir) for p in committed_dir.rglob("*") if p.is_file())
    assert fresh == committed, "run `make exercises` and commit the result"
    for name in fresh:
        assert (released / assignment / name).read_bytes() == (committed_dir / name).read_bytes(), (
            f"exercises/{assignment}/{name} differs from what nbgrader generates: run `make exercises`"
        )


def solution_lines(nb) -> set[str]:
    """Distinctive lines found only inside BEGIN/END SOLUTION and HIDDEN TESTS regions
    (a line the notebook also shows outside them, e.g. in a visible test, is public)."""
    inside_lines, outside_lines, inside = set(), set(), False
    for cell in nb.cells:
        for line in cell.source.splitlines():
            if re.search(r"### (BEGIN|END) (SOLUTION|HIDDEN TESTS)", line):
                inside = "BEGIN" in line
            elif len(line.strip()) >= 12:
                (inside_lines if inside else outside_lines).add(line.strip())
    return inside_lines - outside_lines


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_no_solution_text_reaches_the_exercise(assignment):
    solution = nbformat.read(REPO / "solutions" / assignment / f"{assignment}.ipynb", 4)
    secret = solution_lines(solution)
    assert secret, "the solution notebook has no solution region"
    exercise_dir = REPO / "exercises" / assignment
    for path in exercise_dir.rglob("*"):
        if path.is_file():
            text = path.read_text(errors="replace")
            leaked = sorted(line for line in secret if line in text)
            assert not leaked, f"{path.relative_to(REPO)} leaks solution text: {leaked[:3]}"
            assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text
    exercise = json.loads((exercise_dir / f"{assignment}.ipynb").read_text())
    assert "jupytext" not in exercise["metadata"], "generated notebooks must not keep jupytext metadata"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_stock_nbgrader_validates_solution_and_exercise(assignment):
    solution = REPO / "solutions" / assignment / f"{assignment}.ipynb"
    exercise = REPO / "exercises" / assignment / f"{assignment}.ipynb"
    ok = run(BIN / "nbgrader", "validate", solution)
    assert "Success! Your notebook passes all the tests." in ok.stdout, ok.stdout
    inverted = run(BIN / "nbgrader", "validate", "--invert", exercise)
    assert "Success! The notebook does not pass any tests." in inverted.stdout, inverted.stdout


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_stock_nbgrader_generates_the_same_exercises(tmp_path, assignment):
    shutil.copy(REPO / "nbgrader_config.py", tmp_path)
    shutil.copytree(REPO / "solutions" / assignment, tmp_path / "solutions" / assignment)
    run(
        BIN / "nbgrader",
        "generate_assignment",
        assignment,
        cwd=tmp_path,
        env={**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}"},
    )
    generated = tmp_path / "exercises" / assignment / f"{assignment}.ipynb"
    assert generated.read_bytes() == (REPO / "exercises" / assignment / f"{assignment}.ipynb").read_bytes()


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_exercise_opens_on_colab_ready_to_work(assignment):
    nb = nbformat.read(REPO / "exercises" / assignment / f"{assignment}.ipynb", 4)
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]
    setup = nb.cells[ids.index("setup")].source
    assert ids.index("setup") <= 1, "the setup cell comes first"
    assert "jax.default_backend()" in setup and "google.colab" in setup
    for package in ("jax", "jaxlib", "flax", "optax"):
        assert not re.search(rf"pip install[^\n]*\b{package}\b", setup), f"the setup cell must not reinstall {package}"
    assert nb.metadata.get("accelerator", "GPU") == "GPU"
    progress = nb.cells[-1] if ids[-1] == "progress" else nb.cells[ids.index("progress")]
    questions = sorted({i.split("_")[0] for i in ids if i and i.endswith("_answer")})
    assert all(f"Question {q[1:]}" in progress.source for q in questions), "the progress cell must list every question"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_setup_cell_on_a_mocked_colab_installs_nothing(assignment, tmp_path):
    """Colab cannot exist here: a fake ``google.colab`` module stands in for it, and any
    attempt to install (pip, subprocess, os.system) fails the test."""
    nb = nbformat.read(REPO / "exercises" / assignment / f"{assignment}.ipynb", 4)
    setup = grade_cell(nb, "setup").source
    script = tmp_path / "colab_setup.py"
    script.write_text(
        "import os, subprocess, sys, types\n"
        "import flax, jax, numpy, optax  # real imports first: jax itself reacts to google.colab\n"
        "try:\n    import google\nexcept ImportError:\n    sys.modules['google'] = types.ModuleType('google')\n"
        "sys.modules['google.colab'] = types.ModuleType('google.colab')\n"
        "def _refuse(*a, **k):\n    raise SystemExit(f'tried to install or run something: {a}')\n"
        "subprocess.run = subprocess.call = subprocess.check_call = subprocess.Popen = os.system = _refuse\n"
        + "\n".join(line for line in setup.splitlines() if not line.lstrip().startswith(("!", "%")))
    )
    out = run(sys.executable, script).stdout
    assert "Colab runtime" in out and "backend: cpu" in out, out
    assert "jax " in out and "optax " in out, "the setup cell prints the versions"

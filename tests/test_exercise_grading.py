"""Every exercise, graded by the real grader: the solution earns full marks, the
untouched exercise earns 0 without crashing the batch, every wrong-but-plausible
answer in tests/mutants/ loses its own question's points and only those, and every
correct answer written differently, in tests/alternatives/, keeps full marks."""

from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import REPO, assignment_ids, grade_cell, run

from grader.results import question_of

# EXERCISES=02_chain,03_clipping narrows the batch while you work on those exercises.
ONLY = [a for a in os.environ.get("EXERCISES", "").split(",") if a]
ASSIGNMENTS = [a for a in assignment_ids() if not ONLY or a in ONLY]
MUTANTS = sorted(p for p in (REPO / "tests" / "mutants").glob("*/*.py") if p.parent.name in ASSIGNMENTS)
ALTERNATIVES = sorted(p for p in (REPO / "tests" / "alternatives").glob("*/*.py") if p.parent.name in ASSIGNMENTS)
MIN_MUTANTS, MIN_ALTERNATIVES = 4, 2  # per question


def mutant_question(path: Path) -> str:
    first = path.read_text().splitlines()[0]
    assert first.startswith("# question: "), f"{path.name}: first line must be '# question: qN'"
    return first.removeprefix("# question: ").strip()


def with_answer(assignment: str, question: str, source: str) -> nbformat.NotebookNode:
    """The solution notebook with the answer cell of ``question`` replaced."""
    nb = nbformat.read(REPO / "solutions" / assignment / f"{assignment}.ipynb", 4)
    grade_cell(nb, f"{question}_answer").source = source
    return nb


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """One batch: per assignment a solution, a blank exercise and every mutant."""
    subs = tmp_path_factory.mktemp("class")
    for assignment in ASSIGNMENTS:
        for student, source in [
            ("solution", REPO / "solutions" / assignment / f"{assignment}.ipynb"),
            ("blank", REPO / "exercises" / assignment / f"{assignment}.ipynb"),
        ]:
            (subs / student).mkdir(exist_ok=True)
            (subs / student / f"{assignment}.ipynb").write_bytes(source.read_bytes())
    for kind, files in [("mutant", MUTANTS), ("alternative", ALTERNATIVES)]:
        for answer in files:
            assignment = answer.parent.name
            folder = subs / f"{kind}-{assignment}-{answer.stem}"
            folder.mkdir()
            nb = with_answer(assignment, mutant_question(answer), answer.read_text())
            nbformat.write(nb, folder / f"{assignment}.ipynb")
    out = tmp_path_factory.mktemp("results")
    run(sys.executable, "-m", "grader", "grade", subs, "--out", out, "--jobs", "2", timeout=3000)
    with (out / "grades.csv").open() as f:
        table = {(r["student"], r["assignment"]): r for r in csv.DictReader(f)}
    details = {}
    for state in (out / ".work").glob("*/*.json"):
        data = json.loads(state.read_text())
        details[(data["student"], data["assignment"])] = data["questions"]
    return table, details


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_solution_earns_full_marks(graded, assignment):
    row = graded[0][("solution", assignment)]
    assert row["status"] == "graded", row
    assert float(row["score"]) == float(row["max_score"]) > 0, row["detail"]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_untouched_exercise_earns_zero(graded, assignment):
    row = graded[0][("blank", assignment)]
    assert row["status"] == "graded", row
    assert float(row["score"]) == 0 and float(row["max_score"]) > 0, row["detail"]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_question_has_a_mutant(assignment):
    nb = nbformat.read(REPO / "solutions" / assignment / f"{assignment}.ipynb", 4)
    ids = [c.metadata.get("nbgrader", {}).get("grade_id", "") for c in nb.cells]
    questions = {i.removesuffix("_answer") for i in ids if i.endswith("_answer")}
    assert len(questions) >= 2, f"{assignment} needs at least two graded questions"
    for q in questions:
        assert f"{q}_visible" in ids and f"{q}_hidden" in ids, f"{assignment}: {q} needs a visible and a hidden test"
    for kind, files, least in [("mutants", MUTANTS, MIN_MUTANTS), ("alternatives", ALTERNATIVES, MIN_ALTERNATIVES)]:
        count = {q: 0 for q in questions}
        for f in files:
            if f.parent.name == assignment:
                count[mutant_question(f)] += 1
        few = {q: n for q, n in count.items() if n < least}
        assert not few, f"{assignment}: fewer than {least} {kind} for {few}"


@pytest.mark.parametrize("mutant", MUTANTS, ids=lambda m: f"{m.parent.name}/{m.stem}")
def test_mutant_loses_its_question_and_only_it(graded, mutant):
    table, details = graded
    key = (f"mutant-{mutant.parent.name}-{mutant.stem}", mutant.parent.name)
    assert table[key]["status"] == "graded", table[key]
    target = mutant_question(mutant)
    per_question: dict[str, list[float]] = {}
    for grade_id, (score, top) in details[key].items():
        acc = per_question.setdefault(question_of(grade_id), [0.0, 0.0])
        acc[0] += score
        acc[1] += top
    score, top = per_question[target]
    assert score < top, f"{mutant.name} kept all {top:g} points of {target}: the tests do not catch it"
    for q, (s, t) in per_question.items():
        if q != target:
            assert s == t, f"{mutant.name} also lost points on {q}"


@pytest.mark.parametrize("alternative", ALTERNATIVES, ids=lambda m: f"{m.parent.name}/{m.stem}")
def test_correct_alternative_keeps_full_marks(graded, alternative):
    table, _ = graded
    row = table[(f"alternative-{alternative.parent.name}-{alternative.stem}", alternative.parent.name)]
    assert row["status"] == "graded", row
    assert float(row["score"]) == float(row["max_score"]) > 0, f"{alternative.name} lost points: {row['detail']}"

"""Writes the exercises' whole grading batch as a class folder, for a grading run elsewhere.

Per assignment: the solution, the blank exercise, every mutant in tests/mutants and every
alternative in tests/alternatives; plus the robustness batch of tests/test_grader_robustness
(chapter 1: hostile and broken notebooks). This is what the test suite grades on CPU; a
GPU machine grades the same folder with ``--platform gpu`` (see README, *Accelerators*).

    .venv/bin/python benchmarks/exercise_class.py CLASS_FOLDER
    .venv/bin/python -m grader grade CLASS_FOLDER --out RESULTS --platform gpu --jobs 2
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from test_exercise_grading import ALTERNATIVES, ASSIGNMENTS, MUTANTS, mutant_question, with_answer  # noqa: E402
from test_grader_robustness import ASSIGNMENT, NOTEBOOKS  # noqa: E402


def write_class(folder: Path) -> int:
    """Writes ``folder/<student>/<assignment>.ipynb``; returns how many notebooks."""
    count = 0
    for assignment in ASSIGNMENTS:
        for student, source in [("solution", "solutions"), ("blank", "exercises")]:
            target = folder / student / f"{assignment}.ipynb"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes((REPO / source / assignment / f"{assignment}.ipynb").read_bytes())
            count += 1
    for kind, files in [("mutant", MUTANTS), ("alternative", ALTERNATIVES)]:
        for answer in files:
            assignment = answer.parent.name
            target = folder / f"{kind}-{assignment}-{answer.stem}" / f"{assignment}.ipynb"
            target.parent.mkdir(parents=True)
            nbformat.write(with_answer(assignment, mutant_question(answer), answer.read_text()), target)
            count += 1
    for name, make in NOTEBOOKS.items():
        target = folder / f"robustness-{name}" / f"{ASSIGNMENT}.ipynb"
        target.parent.mkdir(parents=True)
        nbformat.write(make(), target)
        count += 1
    return count


if __name__ == "__main__":
    print(f"{write_class(Path(sys.argv[1]))} notebooks in {sys.argv[1]}")

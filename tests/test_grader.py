"""`python -m grader grade` end to end, with real nbgrader and real kernels."""

from __future__ import annotations

import csv
import shutil
import sys
import zipfile

import pytest
from conftest import REPO, run

from grader.results import CSV_COLUMNS

SOLUTION = REPO / "solutions" / "01_mental_model" / "01_mental_model.ipynb"
EXERCISE = REPO / "exercises" / "01_mental_model" / "01_mental_model.ipynb"


def grade(submissions, out, *extra):
    return run(sys.executable, "-m", "grader", "grade", submissions, "--out", out, "--jobs", "2", *extra)


def rows(out) -> dict[tuple[str, str], dict[str, str]]:
    with (out / "grades.csv").open() as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == CSV_COLUMNS
        return {(r["student"], r["assignment"]): r for r in reader}


@pytest.fixture(scope="module")
def class_folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("submissions")
    for student, source in {"ada": SOLUTION, "bob": EXERCISE}.items():
        (root / student).mkdir()
        shutil.copy(source, root / student / "01_mental_model.ipynb")
    (root / "carol").mkdir()
    (root / "carol" / "01_mental_model.ipynb").write_text("this is not a notebook")
    (root / "dan").mkdir()
    shutil.copy(SOLUTION, root / "dan" / "99_no_such_chapter.ipynb")
    return root


@pytest.fixture(scope="module")
def graded(class_folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("results")
    proc = grade(class_folder, out)
    return out, proc


def test_solution_scores_full_marks(graded):
    out, _ = graded
    ada = rows(out)[("ada", "01_mental_model")]
    assert ada["status"] == "graded"
    assert float(ada["score"]) == float(ada["max_score"]) == 7
    assert ada["backend"] == "cpu"


def test_untouched_exercise_scores_zero(graded):
    bob = rows(graded[0])[("bob", "01_mental_model")]
    assert bob["status"] == "graded"
    assert float(bob["score"]) == 0 and float(bob["max_score"]) == 7
    assert "q1_visible" in bob["detail"]


def test_bad_files_get_a_row_saying_why(graded):
    table = rows(graded[0])
    carol = table[("carol", "01_mental_model")]
    assert carol["status"] == "invalid_notebook" and "not valid JSON" in carol["detail"]
    dan = table[("dan", "99_no_such_chapter")]
    assert dan["status"] == "unknown_assignment" and "01_mental_model" in dan["detail"]
    assert len(table) == 4


def test_reports_are_written_without_hidden_tests(graded):
    out, proc = graded
    assert "4 rows: 2 graded (1 with full marks), 2 not graded" in proc.stdout
    assert (out / "summary.png").read_bytes()[:4] == b"\x89PNG"
    for student in ("ada", "bob"):
        html = (out / "feedback" / student / "01_mental_model.html").read_text()
        assert "_mine_update" not in html and "_ref_step" not in html, "hidden test code leaked into feedback"
        assert "sgd_from_scratch" in html
    assert "a hidden test failed" in (out / "feedback" / "bob" / "01_mental_model.html").read_text()


def test_second_run_resumes_without_regrading(class_folder, graded):
    out, _ = graded
    before = (out / "grades.csv").read_text()
    again = grade(class_folder, out)
    assert (out / "grades.csv").read_text() == before
    assert "[1/" not in again.stderr, "nothing changed, so nothing should be regraded"


def test_a_zip_of_the_folder_grades_the_same(class_folder, graded, tmp_path):
    archive = tmp_path / "class.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in class_folder.rglob("*"):
            zf.write(path, "class/" + str(path.relative_to(class_folder)))
    grade(archive, tmp_path / "out")
    assert (tmp_path / "out" / "grades.csv").read_text() == (graded[0] / "grades.csv").read_text()


def test_unusable_arguments_exit_non_zero(tmp_path):
    proc = run(sys.executable, "-m", "grader", "grade", tmp_path / "missing", "--out", tmp_path, check=False)
    assert proc.returncode == 2 and "does not exist" in proc.stderr

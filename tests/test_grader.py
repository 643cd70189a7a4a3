"""`python -m grader grade` end to end, with real nbgrader and real kernels."""

from __future__ import annotations

import csv
import os
import re
import shutil
import signal
import subprocess
import sys
import time
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
    (root / "gus").mkdir()
    (root / "gus" / "01_mental_model.ipynb").write_text("this is not a notebook")
    (root / "fay").mkdir()
    shutil.copy(SOLUTION, root / "fay" / "99_no_such_chapter.ipynb")
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
    gus = table[("gus", "01_mental_model")]
    assert gus["status"] == "invalid_notebook" and "not valid JSON" in gus["detail"]
    fay = table[("fay", "99_no_such_chapter")]
    assert fay["status"] == "unknown_assignment" and "01_mental_model" in fay["detail"]
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


def test_canvas_csv_has_a_row_per_student_and_points_possible(graded):
    with (graded[0] / "canvas.csv").open() as f:
        lines = list(csv.reader(f))
    assert lines[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "01_mental_model"]
    assert lines[1][0] == "Points Possible" and lines[1][-1] == "7"
    # folder names are not Canvas ids: ID and the SIS columns stay empty without --roster
    assert {line[0]: (line[1:5], line[-1]) for line in lines[2:]} == {
        s: (["", "", "", ""], score) for s, score in {"ada": "7", "bob": "0", "gus": "0"}.items()
    }


def test_progress_is_reported_per_submission(graded):
    _, proc = graded
    lines = [
        line
        for line in proc.stderr.splitlines()
        if re.match(r"\[\d/3\] (ada|bob|gus)/01_mental_model: (graded|invalid_notebook)", line)
    ]
    assert len(lines) == 3, proc.stderr


def test_sharded_and_merged_equals_unsharded(class_folder, graded, tmp_path):
    parts = []
    for k in (1, 2):
        part = tmp_path / f"part{k}"
        grade(class_folder, part, "--shard", f"{k}/2")
        parts.append(part)
    rows_per_part = [len(rows(p)) for p in parts]
    assert sum(rows_per_part) == 4 and all(rows_per_part), "each shard should get part of the class"
    run(sys.executable, "-m", "grader", "merge", *parts, "--out", tmp_path / "merged")
    for report in ("grades.csv", "canvas.csv"):
        assert (tmp_path / "merged" / report).read_text() == (graded[0] / report).read_text()
    assert (tmp_path / "merged" / "feedback" / "ada" / "01_mental_model.html").exists()


def test_bad_shard_is_an_argument_error(tmp_path):
    proc = run(sys.executable, "-m", "grader", "grade", tmp_path, "--out", tmp_path, "--shard", "3/2", check=False)
    assert proc.returncode == 2 and "K/N" in proc.stderr


def test_unusable_arguments_exit_non_zero(tmp_path):
    proc = run(sys.executable, "-m", "grader", "grade", tmp_path / "missing", "--out", tmp_path, check=False)
    assert proc.returncode == 2 and "does not exist" in proc.stderr


def test_killed_mid_batch_then_rerun_gives_the_same_grades(class_folder, graded, tmp_path):
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "grader", "grade", str(class_folder), "--out", str(out), "--jobs", "1"]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 300
    while not list((out / ".work").glob("*/*.json")) and time.monotonic() < deadline:
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)  # the grader and everything it started
    proc.wait()
    saved = list((out / ".work").glob("*/*.json"))
    assert saved and not (out / "grades.csv").exists(), "the kill should land mid-batch"
    again = grade(class_folder, out)
    assert (out / "grades.csv").read_text() == (graded[0] / "grades.csv").read_text()
    assert again.stderr.count("01_mental_model:") == 3 - len(saved), "finished submissions are not regraded"


def test_resubmitting_one_notebook_regrades_only_it(class_folder, graded, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(graded[0], out)
    changed = tmp_path / "class"
    shutil.copytree(class_folder, changed)
    shutil.copy(SOLUTION, changed / "bob" / "01_mental_model.ipynb")  # bob hands in a new version
    again = grade(changed, out)
    assert re.findall(r"\] (\w+)/01_mental_model:", again.stderr) == ["bob"]
    assert rows(out)[("bob", "01_mental_model")]["score"] == "7"

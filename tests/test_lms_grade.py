"""`python -m grader grade` on a Canvas download as it comes, with real nbgrader and kernels.

Two real gradings, shared by every test here through one module-scoped batch.
"""

from __future__ import annotations

import csv
import json
import shutil
import sys
import zipfile

import pytest
from conftest import REPO, run
from test_lms_canvas import EXPORT, canvas_import

SOLUTION = REPO / "solutions" / "01_mental_model" / "01_mental_model.ipynb"
EXERCISE = REPO / "exercises" / "01_mental_model" / "01_mental_model.ipynb"


@pytest.fixture(scope="module")
def canvas_batch(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("canvas")
    download = tmp / "submissions.zip"
    with zipfile.ZipFile(download, "w") as zf:
        zf.write(SOLUTION, "lovelaceada_12345_90001_01_mental_model.ipynb")
        zf.write(EXERCISE, "lovelaceada_12345_90002_Copy of 01_mental_model.ipynb")
        zf.write(EXERCISE, "turingalan_LATE_23456_90003_01_mental_model-1.ipynb")
        zf.writestr("instructions.pdf", "not a submission")
    out = tmp / "results"
    proc = run(sys.executable, "-m", "grader", "grade", download, "--out", out, "--jobs", "2", "--roster", EXPORT)
    return out, proc


def rows(out):
    with (out / "grades.csv").open() as f:
        return list(csv.DictReader(f))


def test_students_are_canvas_ids_with_names_and_lateness(canvas_batch):
    out, _ = canvas_batch
    table = {(r["student"], r["status"]): r for r in rows(out)}
    assert set(table) == {("12345", "graded"), ("12345", "duplicate"), ("23456", "graded"), ("", "unrecognised_name")}
    ada, alan = table[("12345", "graded")], table[("23456", "graded")]
    assert (ada["score"], ada["name"], ada["late"]) == ("7", "lovelaceada", "0")
    assert (alan["score"], alan["name"], alan["late"]) == ("0", "turingalan", "1")
    assert "instructions.pdf" in table[("", "unrecognised_name")]["detail"]
    saved = {(r["student"], r["status"]): r for r in json.loads((out / "results.json").read_text())}
    assert saved[("23456", "graded")]["late"] is True and saved[("12345", "graded")]["name"] == "lovelaceada"


def test_canvas_accepts_canvas_csv_and_the_duplicate_keeps_the_score(canvas_batch):
    out, _ = canvas_batch
    scores, problems = canvas_import(out / "canvas.csv")
    assert problems == []
    assert scores == {("12345", "4321"): "7", ("23456", "4321"): "0"}
    with (out / "canvas.csv").open() as f:
        lines = list(csv.reader(f))
    assert lines[2][:5] == ["Lovelace, Ada", "12345", "S-001", "ada@uni.example", "Optax 101 - A"]


def test_feedback_zip_for_canvas_bulk_upload(canvas_batch):
    out, _ = canvas_batch
    with zipfile.ZipFile(out / "canvas_feedback" / "01_mental_model.zip") as zf:
        names = sorted(zf.namelist())
        assert names == [
            "lovelaceada_12345_90001_feedback_01_mental_model.html",
            "turingalan_LATE_23456_90003_feedback_01_mental_model.html",
        ]
        assert "sgd_from_scratch" in zf.read(names[0]).decode()


def test_index_and_layout_are_written(canvas_batch, tmp_path):
    out, _ = canvas_batch
    html = (out / "index.html").read_text()
    assert "lovelaceada" in html and "turingalan" in html and "(layout: canvas)" in html
    assert json.loads((out / "lms.json").read_text())["layout"] == "canvas"


def test_merging_shards_rebuilds_the_same_lms_files(canvas_batch, tmp_path):
    out, _ = canvas_batch
    merged = tmp_path / "merged"
    shutil.copytree(out, tmp_path / "part")
    run(sys.executable, "-m", "grader", "merge", tmp_path / "part", "--out", merged)
    for report in ("grades.csv", "canvas.csv"):
        assert (merged / report).read_text() == (out / report).read_text()
    with zipfile.ZipFile(merged / "canvas_feedback" / "01_mental_model.zip") as zf:
        assert len(zf.namelist()) == 2
    assert "Not checked for these results" in (merged / "index.html").read_text()


@pytest.fixture(scope="module")
def moodle_batch(tmp_path_factory):
    download = tmp_path_factory.mktemp("moodle") / "download"
    ada = download / "Ada Lovelace_700001_assignsubmission_file"
    ada.mkdir(parents=True)
    shutil.copy(SOLUTION, ada / "01_mental_model.ipynb")
    grace = download / "Grace Hopper_700003_assignsubmission_onlinetext"
    grace.mkdir()
    (grace / "onlinetext.html").write_text("<p>see attached</p>")
    out = download.parent / "results"
    run(
        sys.executable,
        "-m",
        "grader",
        "grade",
        download,
        "--out",
        out,
        "--jobs",
        "1",
        "--points",
        "01_mental_model=100",
    )
    return out


def test_moodle_download_gives_a_worksheet_and_feedback_zip(moodle_batch):
    from test_lms_moodle import moodle_feedback_owner, moodle_import

    out = moodle_batch
    assert {(r["student"], r["name"], r["status"]) for r in rows(out)} == {
        ("700001", "Ada Lovelace", "graded"),
        ("700003", "Grace Hopper", "not_a_notebook"),
    }
    assert moodle_import(out / "moodle" / "01_mental_model" / "grading_worksheet.csv") == {"700001": "100"}
    with zipfile.ZipFile(out / "moodle" / "01_mental_model" / "feedback.zip") as zf:
        (name,) = zf.namelist()
        assert moodle_feedback_owner(name) == ("700001", "assignsubmission_file", "01_mental_model_feedback.html")
        assert "sgd_from_scratch" in zf.read(name).decode()

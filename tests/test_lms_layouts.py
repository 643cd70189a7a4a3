"""LMS downloads read as they come: Canvas, Moodle, Google Classroom, a regex, plain folders.

Hand-made fixtures (tests/fixtures/lms/), file names only: nothing is graded here.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import REPO

from grader.layouts import detect
from grader.submissions import collect

FIXTURES = Path(__file__).parent / "fixtures" / "lms"
ASSIGNMENTS = {"01_mental_model", "02_chain"}


def found(layout_dir: str, tmp_path: Path, layout: str | None = None):
    return collect(FIXTURES / layout_dir, ASSIGNMENTS, tmp_path, layout)


def graded(f) -> set[tuple[str, str, str, bool, str]]:
    return {(s.student, s.assignment, s.name, s.late, s.path.name) for s in f.submissions}


def problems(f) -> dict[tuple[str, str], str]:
    return {(r.student, r.assignment): r.status for r in f.problems}


@pytest.mark.parametrize(
    "folder, layout",
    [
        ("canvas", "canvas"),
        ("moodle", "moodle"),
        ("moodle_flat", "moodle"),
        ("classroom", "classroom"),
        ("classroom_folders", "classroom"),
        ("folders", "folders"),
    ],
)
def test_layout_is_detected(folder, layout):
    assert detect(FIXTURES / folder) == layout


def test_canvas_flat_names(tmp_path):
    f = found("canvas", tmp_path)
    assert f.layout == "canvas"
    assert graded(f) == {
        ("12345", "01_mental_model", "lovelaceada", False, "lovelaceada_12345_90001_01_mental_model.ipynb"),
        ("23456", "01_mental_model", "turingalan", True, "turingalan_LATE_23456_90003_01_mental_model-1.ipynb"),
        ("34567", "02_chain", "hoppergrace", False, "hoppergrace_34567_90004_02_chain (1).ipynb"),
        ("anon_Xk3Zp7", "01_mental_model", "", False, "anon_Xk3Zp7_90005_01_mental_model.ipynb"),
    }
    assert problems(f) == {
        ("12345", "01_mental_model"): "duplicate",  # the "Copy of" upload: the exact name is graded
        ("45678", "notes.txt"): "not_a_notebook",
        ("", ""): "unrecognised_name",  # instructions.pdf
    }
    unrecognised = next(r for r in f.problems if r.status == "unrecognised_name")
    assert unrecognised.detail.startswith("instructions.pdf:")
    handles = {s.student: s.handle for s in f.submissions}
    assert handles["23456"] == "turingalan_LATE_23456_90003_"


def test_moodle_folders_use_the_participant_id(tmp_path):
    f = found("moodle", tmp_path)
    assert f.layout == "moodle"
    assert graded(f) == {
        ("700001", "01_mental_model", "Ada Lovelace", False, "01_mental_model.ipynb"),
        ("700002", "01_mental_model", "Alan Turing", False, "Copy of 01_mental_model.ipynb"),
    }
    assert problems(f) == {("700002", "scratch"): "unexpected_folder", ("700003", "onlinetext.html"): "not_a_notebook"}
    assert {s.handle for s in f.submissions} == {
        "Ada Lovelace_700001_assignsubmission_file_",
        "Alan Turing_700002_assignsubmission_file_",
    }


def test_moodle_flat_names(tmp_path):
    f = found("moodle_flat", tmp_path)
    assert {(s.student, s.assignment, s.name) for s in f.submissions} == {
        ("700001", "01_mental_model", "Ada Lovelace"),
        ("700002", "01_mental_model", "Alan Turing"),
    }
    assert problems(f) == {("", ""): "unrecognised_name"}


def test_google_classroom_names_and_folders(tmp_path):
    f = found("classroom", tmp_path)
    assert {(s.student, s.assignment, s.name) for s in f.submissions} == {
        ("Ada_Lovelace", "01_mental_model", "Ada Lovelace"),
        ("Alan_Turing", "01_mental_model", "Alan Turing"),
        ("Grace_Hopper", "01_mental_model", "Grace Hopper"),
    }
    assert problems(f) == {("", ""): "unrecognised_name"}  # Syllabus.pdf
    f = found("classroom_folders", tmp_path / "folders")
    assert {(s.student, s.assignment, s.name) for s in f.submissions} == {
        ("Ada_Lovelace", "01_mental_model", "Ada Lovelace"),
        ("Alan_Turing", "01_mental_model", "Alan Turing"),
    }


def test_regex_layout_takes_nbgrader_named_groups(tmp_path):
    pattern = r"regex:(?P<email>(?P<student_id>[^@]+)@[^-]+)--(?P<file_id>.+)"
    f = found("regex", tmp_path, pattern)
    assert {(s.student, s.assignment, s.name) for s in f.submissions} == {
        ("ada.lovelace", "01_mental_model", "ada.lovelace@uni.example"),
        ("alan.turing", "02_chain", "alan.turing@uni.example"),
    }
    assert problems(f) == {("", ""): "unrecognised_name"}  # README.md


def test_plain_folders_still_work(tmp_path):
    (tmp_path / "class").mkdir()
    shutil.copytree(FIXTURES / "folders", tmp_path / "class", dirs_exist_ok=True)
    (tmp_path / "class" / "cy").mkdir()  # an empty folder is no mark of any LMS
    assert detect(tmp_path / "class") == "folders"
    (tmp_path / "nothing").mkdir()
    assert detect(tmp_path / "nothing") == "folders"
    f = found("folders", tmp_path)
    assert {(s.student, s.assignment) for s in f.submissions} == {("ada", "01_mental_model"), ("bob", "02_chain")}
    assert problems(f) == {("", ""): "not_in_student_folder"}


def test_forcing_the_wrong_layout_says_why_for_every_file(tmp_path):
    f = found("moodle_flat", tmp_path, "canvas")
    assert not f.submissions
    assert len(f.problems) == 3 and {r.status for r in f.problems} == {"unrecognised_name"}


@pytest.mark.parametrize("folder", ["canvas", "moodle", "classroom"])
def test_a_zip_of_the_download_reads_the_same(folder, tmp_path):
    archive = tmp_path / "download.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in (FIXTURES / folder).rglob("*"):
            zf.write(path, path.relative_to(FIXTURES / folder))
        zf.writestr("__MACOSX/._junk", "litter")
    from_zip = collect(archive, ASSIGNMENTS, tmp_path / "work")
    from_folder = found(folder, tmp_path / "folder")
    assert from_zip.layout == from_folder.layout
    assert {(s.student, s.assignment, s.name, s.late) for s in from_zip.submissions} == {
        (s.student, s.assignment, s.name, s.late) for s in from_folder.submissions
    }
    assert problems(from_zip) == problems(from_folder)


def test_a_moodle_zip_with_one_student_is_not_taken_for_the_class_folder(tmp_path):
    archive = tmp_path / "one.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("Ada Lovelace_700001_assignsubmission_file/notes/01_mental_model.ipynb", "{}")
    f = collect(archive, ASSIGNMENTS, tmp_path / "work")
    assert f.layout == "moodle" and problems(f) == {("700001", "notes"): "unexpected_folder"}


def test_unusable_layout_or_roster_is_an_argument_error(tmp_path):
    for layout in ("blackboard", "regex:(?P<student_id>.+)"):
        proc = subprocess.run(
            [sys.executable, "-m", "grader", "grade", tmp_path, "--out", tmp_path / "out", "--layout", layout],
            cwd=REPO,
            capture_output=True,
            text=True,
        )
        assert proc.returncode == 2 and "--layout" in proc.stderr, proc.stderr
    (tmp_path / "roster.csv").write_text("name,email\nAda,ada@uni.example\n")
    for roster in (tmp_path / "roster.csv", tmp_path / "missing.csv"):
        proc = subprocess.run(
            [sys.executable, "-m", "grader", "grade", tmp_path, "--out", tmp_path / "out", "--roster", roster],
            cwd=REPO,
            capture_output=True,
            text=True,
        )
        assert proc.returncode == 2 and "--roster" in proc.stderr, proc.stderr
    assert not (tmp_path / "out").exists(), "nothing is graded with unusable arguments"

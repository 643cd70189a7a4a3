"""Moodle: the grading worksheet its offline-grading import accepts, feedback named for its zip upload.

``moodle_import`` follows Moodle's importers: the worksheet import finds ``Identifier``,
``Grade`` and ``Last modified (grade)`` by header (it refuses the file without them) and
strips "Participant " from the identifier; the feedback-zip import splits each name at
``_`` into at most five parts: full name, participant id (numeric), plugin type and
name, and the file name. Hand-made results: nothing is graded here.
"""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

from grader.moodle import write_moodle
from grader.results import Result

RESULTS = [
    Result("700001", "01_mental_model", 7.0, 7.0, "graded", "all tests passed", name="Ada Lovelace"),
    Result("700002", "01_mental_model", 3.5, 7.0, "graded", "q2 failed", name="Alan Turing", late=True),
    Result("700002", "01_mental_model", 0.0, 0.0, "duplicate", "Copy of ... was not graded", name="Alan Turing"),
    Result("700003", "onlinetext.html", 0.0, 0.0, "not_a_notebook", "not a notebook", name="Grace Hopper"),
]
HANDLES = {
    ("700001", "01_mental_model"): "Ada Lovelace_700001_assignsubmission_file_",
    ("700002", "01_mental_model"): "Alan Turing_700002_assignsubmission_file_",
}


def moodle_import(worksheet: Path) -> dict[str, str]:
    """{participant id: grade} as Moodle's offline grading import reads ``worksheet``."""
    with worksheet.open(newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    for required in ("Identifier", "Grade", "Last modified (grade)"):
        assert required in header, f"Moodle refuses a worksheet without {required!r}"
    grades = {}
    for row in rows[1:]:
        cell = dict(zip(header, row, strict=True))
        assert cell["Identifier"].startswith("Participant ")
        grades[cell["Identifier"].removeprefix("Participant ")] = cell["Grade"]
    return grades


def moodle_feedback_owner(name: str) -> tuple[str, str, str]:
    """(participant id, plugin, file name) as Moodle's feedback-zip import splits ``name``."""
    info = name.split("_", 4)
    assert len(info) == 5 and info[1].isdigit() and (info[2], info[3]) == ("assignsubmission", "file"), name
    return info[1], f"{info[2]}_{info[3]}", info[4]


def feedback_pages(root: Path) -> Path:
    for student in ("700001", "700002"):
        (root / student).mkdir(parents=True)
        (root / student / "01_mental_model.html").write_text(f"<p>feedback for {student}</p>")
    return root


def test_worksheet_has_one_row_per_participant_with_the_graded_score(tmp_path):
    write_moodle(RESULTS, HANDLES, feedback_pages(tmp_path / "feedback"), tmp_path / "moodle")
    worksheet = tmp_path / "moodle" / "01_mental_model" / "grading_worksheet.csv"
    assert moodle_import(worksheet) == {"700001": "7", "700002": "3.5"}
    with worksheet.open(newline="") as f:
        alan = list(csv.DictReader(f))[1]
    assert alan["Full name"] == "Alan Turing" and alan["Maximum Grade"] == "7"
    assert alan["Status"].endswith("late") and alan["Feedback comments"].startswith("3.5/7 (graded): q2 failed")


def test_grades_rescale_to_the_moodle_maximum(tmp_path):
    write_moodle(RESULTS, HANDLES, tmp_path, tmp_path / "moodle", {"01_mental_model": 100.0})
    assert moodle_import(tmp_path / "moodle" / "01_mental_model" / "grading_worksheet.csv") == {
        "700001": "100",
        "700002": "50",
    }


def test_feedback_files_are_named_for_moodles_zip_upload(tmp_path):
    write_moodle(RESULTS, HANDLES, feedback_pages(tmp_path / "feedback"), tmp_path / "moodle")
    with zipfile.ZipFile(tmp_path / "moodle" / "01_mental_model" / "feedback.zip") as zf:
        owners = {moodle_feedback_owner(name): zf.read(name).decode() for name in zf.namelist()}
    assert owners == {
        ("700001", "assignsubmission_file", "01_mental_model_feedback.html"): "<p>feedback for 700001</p>",
        ("700002", "assignsubmission_file", "01_mental_model_feedback.html"): "<p>feedback for 700002</p>",
    }

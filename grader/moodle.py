"""Moodle: the offline grading worksheet, and feedback files for its bulk feedback upload.

Moodle's worksheet import (Assignment > "Upload grading worksheet") finds the columns
``Identifier`` ("Participant <id>"), ``Grade`` and ``Last modified (grade)`` by name
and reads ``Feedback comments`` when that feedback type is on. Its "Upload multiple
feedback files in a zip" splits each file name at ``_`` into full name, participant
id and plugin, so a feedback file keeps the download's prefix:
``Ada Lovelace_700001_assignsubmission_file_01_mental_model_feedback.html``.
Participant ids belong to one Moodle assignment, so each assignment gets its own files.

Example:
    >>> write_moodle(results, handles, Path("results/feedback"), Path("results/moodle"))
    # results/moodle/01_mental_model/grading_worksheet.csv and feedback.zip
"""

from __future__ import annotations

import csv
import time
import zipfile
from pathlib import Path

from .results import Result, number
from .submissions import NOT_SUBMISSIONS

WORKSHEET_COLUMNS = [
    "Identifier",
    "Full name",
    "Email address",
    "Status",
    "Grade",
    "Maximum Grade",
    "Grade can be changed",
    "Last modified (submission)",
    "Last modified (grade)",
    "Feedback comments",
]


def write_moodle(
    results: list[Result],
    handles: dict[tuple[str, str], str],
    feedback: Path,
    out: Path,
    points: dict[str, float] | None = None,
) -> list[Path]:
    """One worksheet and one feedback zip per assignment; ``points`` rescales grades."""
    points = points or {}
    now = time.strftime("%Y-%m-%d %H:%M:%S")  # strtotime() reads this form
    graded = [r for r in results if r.status not in NOT_SUBMISSIONS and r.student.isdigit()]
    written = []
    for assignment in sorted({r.assignment for r in graded}):
        rows = sorted((r for r in graded if r.assignment == assignment), key=lambda r: int(r.student))
        top = max(r.max_score for r in rows)
        target = points.get(assignment, top)
        folder = out / assignment
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / "grading_worksheet.csv").open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(WORKSHEET_COLUMNS)
            for r in rows:
                grade = number(r.score * target / top if top else 0.0)
                comment = f"{number(r.score)}/{number(r.max_score)} ({r.status}): {r.detail}"
                status = "Submitted for grading" + (" - late" if r.late else "")
                cells = [f"Participant {r.student}", r.name, "", status, grade, number(target), "Yes", "", now, comment]
                writer.writerow(cells)
        with zipfile.ZipFile(folder / "feedback.zip", "w", zipfile.ZIP_DEFLATED) as zf:
            for r in rows:
                page = feedback / r.student / f"{assignment}.html"
                handle = handles.get((r.student, assignment), "")
                if handle and page.is_file():
                    zf.write(page, f"{handle}{assignment}_feedback.html")
        written.append(folder)
    return written

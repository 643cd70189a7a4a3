"""canvas.csv against Canvas's gradebook-import rules, and feedback named for Canvas's bulk upload.

``canvas_import`` plays Canvas's importer on a course as its own gradebook export shows
it (tests/fixtures/lms/canvas_gradebook_export.csv): a row matches a student by ``ID``,
then ``SIS User ID``, ``SIS Login ID``, then the name; a column matches an assignment by
``Title (id)`` or its exact title, and any other column would create a new assignment;
"Points Possible" and "Manual Posting" rows are not students; a score is a plain
decimal. Hand-made results: nothing is graded here.
"""

from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path

from grader.canvas import CanvasOptions, write_canvas_csv, write_feedback_zip
from grader.results import Result, number

EXPORT = Path(__file__).parent / "fixtures" / "lms" / "canvas_gradebook_export.csv"
IDENTITY = {"Student", "ID", "SIS User ID", "SIS Login ID", "Integration ID", "Section", "Root Account"}
READ_ONLY = re.compile(r"(Current|Final|Unposted Current|Unposted Final) (Score|Grade|Points)$")


def canvas_import(upload: Path, export: Path = EXPORT) -> tuple[dict[tuple[str, str], str], list[str]]:
    """({(Canvas user id, assignment id): score}, problems) as Canvas would import ``upload``."""
    with export.open(newline="") as f:
        course = list(csv.DictReader(f))
    students = [r for r in course if r["Student"].strip() not in ("Points Possible", "Manual Posting")]
    assignments = {m[1]: m[2] for h in course[0] if (m := re.match(r"^(.*) \((\d+)\)$", h))}  # title -> id
    with upload.open(newline="") as f:
        rows = list(csv.reader(f))
    header, problems, scores = rows[0], [], {}
    if header[0] != "Student" or "ID" not in header:
        return {}, [f"not a gradebook file: {header[:2]}"]
    columns = {}
    for i, h in enumerate(header):
        if h in IDENTITY or READ_ONLY.match(h):
            continue
        m = re.match(r"^(.*) \((\d+)\)$", h)
        if m and m[2] in assignments.values():
            columns[i] = m[2]
        elif h in assignments:
            columns[i] = assignments[h]
        else:
            problems.append(f"new assignment {h!r}")
    for row in rows[1:]:
        cell = dict(zip(header, row, strict=True))
        if cell["Student"].strip() in ("Points Possible", "Manual Posting"):
            continue
        student = next(
            (
                s
                for key in ("ID", "SIS User ID", "SIS Login ID")
                for s in students
                if cell.get(key) and s[key] == cell[key]
            ),
            None,
        )
        named = [s for s in students if s["Student"] == cell["Student"]]
        student = student or (named[0] if len(named) == 1 else None)
        if student is None:
            problems.append(f"unknown student {cell['Student']!r}")
            continue
        for i, assignment in columns.items():
            if row[i] == "":
                continue
            if not re.fullmatch(r"-?\d+(\.\d+)?", row[i]):
                problems.append(f"{row[i]!r} is not a score")
            scores[(student["ID"], assignment)] = row[i]
    return scores, problems


def result(student, assignment, score, top, status="graded", name="", late=False):
    return Result(student, assignment, score, top, status, "", name=name, late=late)


CLASS = [
    result("12345", "01_mental_model", 7.0, 7.0, name="lovelaceada"),
    # the "Copy of" upload, not graded: it must not overwrite the 7 (it did, with 0)
    result("12345", "01_mental_model", 0.0, 0.0, "duplicate", name="lovelaceada"),
    result("23456", "01_mental_model", 3.5, 7.0, name="turingalan", late=True),
    result("34567", "02_chain", 1.0 / 3.0, 4.0, name="hoppergrace"),
    result("34567", "01_mental_model", 0.0, 0.0, "not_a_notebook", name="hoppergrace"),
    result("anon_Xk3Zp7", "01_mental_model", 7.0, 7.0),
]


def read(path: Path) -> list[list[str]]:
    with path.open(newline="") as f:
        return list(csv.reader(f))


def test_a_problem_row_never_overwrites_a_graded_score(tmp_path):
    write_canvas_csv(CLASS, tmp_path / "canvas.csv", layout="canvas")
    rows = {r[1]: r for r in read(tmp_path / "canvas.csv")[2:]}
    assert rows["12345"][5] == "7"
    assert rows["34567"][5] == "", "a student with no notebook for an assignment leaves Canvas's grade alone"


def test_without_a_roster_id_is_the_canvas_user_id_and_sis_columns_are_empty(tmp_path):
    warnings = write_canvas_csv(CLASS, tmp_path / "canvas.csv", layout="canvas")
    lines = read(tmp_path / "canvas.csv")
    assert lines[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "01_mental_model", "02_chain"]
    assert lines[1] == ["Points Possible", "", "", "", "", "7", "4"]
    assert [(r[0], r[1], r[2], r[3]) for r in lines[2:]] == [
        ("lovelaceada", "12345", "", ""),
        ("turingalan", "23456", "", ""),
        ("hoppergrace", "34567", "", ""),
    ]
    assert warnings == ["canvas.csv leaves out anon_Xk3Zp7: anonymous, Canvas matches them once anonymity is lifted"]


def test_canvas_imports_it_by_id_into_existing_assignments_given_their_columns(tmp_path):
    options = CanvasOptions(columns={"01_mental_model": "01 The Optax mental model (4321)", "02_chain": "02 Chain"})
    write_canvas_csv(CLASS, tmp_path / "canvas.csv", options, layout="canvas")
    scores, problems = canvas_import(tmp_path / "canvas.csv")
    assert problems == []
    assert scores == {("12345", "4321"): "7", ("23456", "4321"): "3.5", ("34567", "4322"): "0.3333"}


def test_bare_slugs_would_create_new_assignments(tmp_path):
    write_canvas_csv(CLASS, tmp_path / "canvas.csv", layout="canvas")
    _, problems = canvas_import(tmp_path / "canvas.csv")
    assert problems == ["new assignment '01_mental_model'", "new assignment '02_chain'"]


def test_folder_names_without_a_roster_are_written_with_a_warning(tmp_path):
    warnings = write_canvas_csv([result("ada", "01_mental_model", 7.0, 7.0)], tmp_path / "canvas.csv")
    assert read(tmp_path / "canvas.csv")[2] == ["ada", "", "", "", "", "7"]
    assert warnings == [
        "canvas.csv: folder names are no Canvas ids, so Canvas can match students only by name: --roster"
    ]
    _, problems = canvas_import(tmp_path / "canvas.csv")
    assert "unknown student 'ada'" in problems


def test_with_the_roster_folder_ids_match_by_sis_and_columns_come_from_the_export(tmp_path):
    by_sis = [
        result("S-001", "01_mental_model", 7.0, 7.0),
        result("alan@uni.example", "01_mental_model", 3.5, 7.0),
        result("Hopper, Grace", "02_chain", 2.0, 4.0),  # a folder named as Canvas names her
        result("S-404", "01_mental_model", 7.0, 7.0),  # not in the course
    ]
    warnings = write_canvas_csv(by_sis, tmp_path / "canvas.csv", CanvasOptions(roster=EXPORT, scale=True))
    lines = read(tmp_path / "canvas.csv")
    assert lines[0][5:] == ["01 The Optax mental model (4321)", "02 Chain (4322)"]
    assert lines[1][5:] == ["10", "5"], "scaled to the roster's Points Possible"
    ada = next(line for line in lines if line[1] == "12345")
    assert ada == ["Lovelace, Ada", "12345", "S-001", "ada@uni.example", "Optax 101 - A", "10", ""]
    assert warnings == [f"canvas.csv leaves out S-404: not in the roster {EXPORT}"]
    scores, problems = canvas_import(tmp_path / "canvas.csv")
    assert problems == []
    assert scores == {("12345", "4321"): "10", ("23456", "4321"): "5", ("34567", "4322"): "2.5"}


def test_explicit_points_scale_one_assignment(tmp_path):
    options = CanvasOptions(points={"01_mental_model": 100.0})
    write_canvas_csv(CLASS, tmp_path / "canvas.csv", options, layout="canvas")
    lines = read(tmp_path / "canvas.csv")
    assert lines[1][5:] == ["100", "4"] and lines[3][5] == "50"


def test_numbers_are_never_in_exponent_form(tmp_path):
    tiny = [result("12345", "01_mental_model", 1e-7, 7.0), result("23456", "01_mental_model", 6.999999, 7.0)]
    write_canvas_csv(tiny, tmp_path / "canvas.csv", CanvasOptions(points={"01_mental_model": 1e7}), layout="canvas")
    cells = [c for line in read(tmp_path / "canvas.csv")[1:] for c in line[5:]]
    assert cells == ["10000000", "0.1429", "9999998.5714"]
    assert all("e" not in number(x) for x in (1e-12, 1e21, 123456789.123456))


def test_feedback_zip_names_carry_the_user_and_file_ids(tmp_path):
    (tmp_path / "feedback" / "23456").mkdir(parents=True)
    (tmp_path / "feedback" / "23456" / "01_mental_model.html").write_text("<p>3.5/7</p>")
    handles = {("23456", "01_mental_model"): "turingalan_LATE_23456_90003_"}
    assert write_feedback_zip(CLASS, handles, tmp_path / "feedback", tmp_path / "zips") == 1
    names = zipfile.ZipFile(tmp_path / "zips" / "01_mental_model.zip").namelist()
    assert names == ["turingalan_LATE_23456_90003_feedback_01_mental_model.html"]
    # Canvas reads the first two all-digit parts of the name as the user id and the file id
    assert [p for p in names[0].split("_") if p.isdigit()][:2] == ["23456", "90003"]

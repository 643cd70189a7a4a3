"""Canvas: the gradebook-import CSV, and feedback files named for Canvas's bulk comment upload.

Canvas's gradebook importer matches a row to a student by ``ID`` (the Canvas user id),
then ``SIS User ID``, ``SIS Login ID``, then the name, and a column to an assignment by
``Title (assignment id)`` or its exact title; anything else becomes an "unknown
student" or a new published assignment. So: ``ID`` is the user id from a Canvas
download; SIS columns and sections come only from a roster (Canvas's own gradebook
export, ``--roster``), which also names the assignment columns and their points.

Example:
    >>> options = CanvasOptions(roster=Path("gradebook_export.csv"), scale=True)
    >>> warnings = write_canvas_csv(results, Path("results/canvas.csv"), options, layout="canvas")
"""

from __future__ import annotations

import csv
import dataclasses
import re
import zipfile
from pathlib import Path

from .results import Result, number
from .submissions import NOT_SUBMISSIONS

HEADER = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
_COLUMN = re.compile(r"^(?P<title>.*\S) \((?P<id>\d+)\)$")
_META_ROWS = {"points possible", "manual posting"}


@dataclasses.dataclass
class CanvasOptions:
    roster: Path | None = None  # Canvas's gradebook export (Grades > Export)
    columns: dict[str, str] = dataclasses.field(default_factory=dict)  # slug -> "Title (id)"
    points: dict[str, float] = dataclasses.field(default_factory=dict)  # slug -> Canvas points (scales)
    scale: bool = False  # scale every assignment to the roster's "Points Possible"


@dataclasses.dataclass
class Roster:
    """The rows and assignment columns of a Canvas gradebook export."""

    students: list[dict[str, str]]
    columns: dict[str, str]  # column header -> its title without the id
    points: dict[str, float]  # column header -> points possible

    @classmethod
    def read(cls, path: Path) -> Roster:
        with path.open(newline="", encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
        header = list(rows[0]) if rows else []
        columns = {h: m["title"] for h in header if (m := _COLUMN.match(h))}
        points: dict[str, float] = {}
        students = []
        for row in rows:
            label = (row.get("Student") or "").strip().lower()
            if label == "points possible":
                points = {h: float(row[h]) for h in columns if _is_number(row.get(h, ""))}
            elif label not in _META_ROWS and (row.get("ID") or "").strip():
                students.append(row)
        return cls(students, columns, points)

    def find(self, result: Result) -> dict[str, str] | None:
        """The roster row of ``result``'s student: by ID, SIS User ID, SIS Login ID, then name."""
        for key in ("ID", "SIS User ID", "SIS Login ID"):
            for row in self.students:
                if result.student and (row.get(key) or "").strip() == result.student:
                    return row
        wanted = {_norm(result.name), _norm(result.student)} - {""}
        named = [row for row in self.students if _norm(row["Student"]) in wanted]
        return named[0] if len(named) == 1 else None


def write_canvas_csv(
    results: list[Result], path: Path, options: CanvasOptions | None = None, layout: str = "folders"
) -> list[str]:
    """Writes the import file; returns warnings (students left out, unmatched assignments)."""
    options = options or CanvasOptions()
    roster = Roster.read(options.roster) if options.roster else None
    scores, possible = _scores(results)
    assignments = sorted(possible)
    left_out: list[str] = []
    columns = {a: _column(a, options, roster, left_out) for a in assignments}
    target = {a: _target_points(a, columns[a], possible[a], options, roster) for a in assignments}
    lines = []
    for student in sorted(scores):
        first = scores[student]["_row"]
        if roster:
            row = roster.find(first)
            if row is None:
                left_out.append(f"canvas.csv leaves out {student}: not in the roster {options.roster}")
                continue
            ids = [row["Student"], row["ID"], row.get("SIS User ID", ""), row.get("SIS Login ID", ""), row["Section"]]
        elif student.startswith("anon_"):
            left_out.append(f"canvas.csv leaves out {student}: anonymous, Canvas matches them once anonymity is lifted")
            continue
        else:
            canvas_id = student if layout == "canvas" and student.isdigit() else ""
            ids = [first.name or student, canvas_id, "", "", ""]
        cells = [_cell(scores[student].get(a), possible[a], target[a]) for a in assignments]
        lines.append([*ids, *cells])
    if lines and not roster and layout not in ("canvas", "moodle", "classroom"):
        left_out.append(
            "canvas.csv: folder names are no Canvas ids, so Canvas can match students only by name: --roster"
        )
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow([*HEADER, *(columns[a] for a in assignments)])
        writer.writerow(["Points Possible", "", "", "", "", *(number(target[a]) for a in assignments)])
        writer.writerows(lines)
    return left_out


def write_feedback_zip(results: list[Result], handles: dict[tuple[str, str], str], feedback: Path, out: Path) -> int:
    """Zips each feedback page as ``<download prefix>feedback_<assignment>.html``, one zip per
    assignment, for Canvas's "Upload submissions" (it reads the user and file id back)."""
    written = 0
    for r in results:
        page = feedback / r.student / f"{r.assignment}.html"
        handle = handles.get((r.student, r.assignment), "")
        if r.status in NOT_SUBMISSIONS or not handle or not page.is_file():
            continue
        out.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out / f"{r.assignment}.zip", "a", zipfile.ZIP_DEFLATED) as zf:
            zf.write(page, f"{handle}feedback_{r.assignment}.html")
        written += 1
    return written


def _scores(results: list[Result]):
    """Per student, the score of each assignment; rows that are not submissions never count."""
    scores: dict[str, dict] = {}
    possible: dict[str, float] = {}
    for r in results:
        if r.status in NOT_SUBMISSIONS or not r.student:
            continue
        if r.max_score > 0:
            possible[r.assignment] = max(possible.get(r.assignment, 0.0), r.max_score)
        scores.setdefault(r.student, {"_row": r})[r.assignment] = r.score
    return {s: v for s, v in scores.items() if set(v) & set(possible)}, possible


def _column(assignment: str, options: CanvasOptions, roster: Roster | None, warnings: list[str]) -> str:
    """``Title (id)`` of an assignment: given, or the one roster column whose title has its slug's words."""
    if assignment in options.columns:
        return options.columns[assignment]
    matches = [h for h, title in roster.columns.items() if _words(assignment) <= _words(title)] if roster else []
    if len(matches) == 1:
        return matches[0]
    if not roster:  # Canvas matches a column to the assignment of exactly that title
        return assignment
    why = f"matches the roster's columns {matches}" if matches else "matches no Canvas assignment column"
    warnings.append(f"canvas.csv: {assignment} {why}; Canvas would create a new assignment (see --canvas-column)")
    return assignment


def _target_points(assignment, column, ours, options: CanvasOptions, roster: Roster | None) -> float:
    if assignment in options.points:
        return options.points[assignment]
    if options.scale and roster and column in roster.points:
        return roster.points[column]
    return ours


def _cell(score: float | None, ours: float, target: float) -> str:
    if score is None:
        return ""  # no submission: leave Canvas's grade as it is
    return number(score * target / ours if ours else score)


def _norm(text: str) -> str:
    """Names compared as Canvas prefixes downloads: "Lovelace, Ada" -> "lovelaceada"."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _words(text: str) -> set[str]:
    """ "01 The Optax mental model" -> {"1", "the", "optax", "mental", "model"}; "01_x" has "1" too."""
    return {str(int(w)) if w.isdigit() else w for w in re.findall(r"[0-9]+|[a-z]+", text.lower())}


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True

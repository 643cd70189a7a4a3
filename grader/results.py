"""One row of the grade book, and the files a batch writes: grades.csv, summary.png.

Example:
    >>> row = Result("ada", "01_mental_model", 7.0, 7.0, "graded", "all tests passed", "cpu")
    >>> write_reports([row], Path("results"))  # grades.csv, canvas.csv, summary.png, results.json
"""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import shutil
import sys
from pathlib import Path

CSV_COLUMNS = ["student", "assignment", "score", "max_score", "status", "detail", "backend", "name", "late"]


@dataclasses.dataclass
class Result:
    """The outcome of grading one (student, assignment) pair.

    ``status`` is ``graded`` or a short word for what went wrong; ``questions`` maps
    each nbgrader grade id to ``[score, max_score]``. ``student`` is the LMS's own id
    (Canvas user id, Moodle participant id, ...), ``name`` the name it gave.
    """

    student: str
    assignment: str
    score: float
    max_score: float
    status: str
    detail: str
    backend: str = ""
    questions: dict[str, list[float]] = dataclasses.field(default_factory=dict)
    fingerprint: str = ""
    seconds: float = 0.0  # grading this submission took, in its worker
    cells_seconds: float = 0.0  # of which the notebook's cells ran in the kernel
    name: str = ""  # the student's name as the LMS download gave it
    late: bool = False  # the LMS marked the submission late
    handle: str = ""  # the LMS download's prefix for this student, to name feedback files for upload

    def save(self, path: Path) -> None:
        """Writes the result atomically: a killed grader leaves no half file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(dataclasses.asdict(self), indent=1))
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> Result | None:
        try:
            return cls(**json.loads(path.read_text()))
        except (OSError, ValueError, TypeError):
            return None


def write_reports(results: list[Result], out: Path, canvas=None, layout: str = "folders") -> list[str]:
    """Every report of a batch, from its results alone (so merging shards is easy).

    ``canvas`` (:class:`grader.canvas.CanvasOptions`) and ``layout`` shape canvas.csv;
    returns canvas.csv's warnings (students left out, assignments it could not match).
    """
    from .canvas import write_canvas_csv  # canvas imports this module

    out.mkdir(parents=True, exist_ok=True)
    write_grades_csv(results, out / "grades.csv")
    warnings = write_canvas_csv(results, out / "canvas.csv", canvas, layout)
    write_summary_png(results, out / "summary.png")
    rows = sorted((dataclasses.asdict(r) for r in results), key=lambda r: (r["student"], r["assignment"], r["status"]))
    tmp = out / "results.json.tmp"
    tmp.write_text(json.dumps(rows, indent=1))
    os.replace(tmp, out / "results.json")
    return warnings


def merge(parts: list[Path], out: Path) -> list[Result]:
    """Joins the results folders of several shards (``--shard K/N``) into ``out``."""
    results = []
    for part in parts:
        results += [Result(**row) for row in json.loads((part / "results.json").read_text())]
        if (part / "feedback").is_dir():
            shutil.copytree(part / "feedback", out / "feedback", dirs_exist_ok=True)
    from .lms import write_lms_files  # it imports this module

    for warning in write_lms_files(results, out, parts):
        print(f"warning: {warning}", file=sys.stderr)
    return results


def write_grades_csv(results: list[Result], path: Path) -> None:
    """grades.csv with the contract's columns, one row per (student, assignment)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = sorted(results, key=lambda r: (r.student, r.assignment, r.status))
    with path.open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(CSV_COLUMNS)
        for r in rows:
            score, top = number(r.score), number(r.max_score)
            writer.writerow([r.student, r.assignment, score, top, r.status, r.detail, r.backend, r.name, int(r.late)])


def number(x: float) -> str:
    """A score as gradebooks read it: never in exponent form, at most 4 decimals.

    >>> number(7.0), number(2.5), number(1e-7), number(12345678.0)
    ('7', '2.5', '0', '12345678')
    """
    text = f"{x:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def question_of(grade_id: str) -> str:
    """Groups a question's visible and hidden test cells: ``q1_hidden`` -> ``q1``."""
    for suffix in ("_visible", "_hidden"):
        if grade_id.endswith(suffix):
            return grade_id[: -len(suffix)]
    return grade_id


def write_summary_png(results: list[Result], path: Path) -> None:
    """A histogram of the points earned on each question, one panel per question."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    earned: dict[tuple[str, str], list[float]] = {}
    best: dict[tuple[str, str], float] = {}
    for r in results:
        if r.status != "graded" and not r.questions:
            continue
        per_question: dict[str, list[float]] = {}
        for grade_id, (score, max_score) in r.questions.items():
            acc = per_question.setdefault(question_of(grade_id), [0.0, 0.0])
            acc[0] += score
            acc[1] += max_score
        for q, (score, max_score) in per_question.items():
            earned.setdefault((r.assignment, q), []).append(score)
            best[(r.assignment, q)] = max_score
    keys = sorted(earned)
    fig, axes = plt.subplots(max(len(keys), 1), 1, figsize=(6, 1.8 * max(len(keys), 1)), squeeze=False)
    for ax, key in zip(axes[:, 0], keys, strict=False):  # one spare axis when empty
        top = best[key]
        ax.hist(earned[key], bins=[b - 0.5 for b in range(int(top) + 2)], rwidth=0.8)
        ax.set_title(f"{key[0]} · {key[1]} (max {top:g} points)", fontsize=9)
        ax.set_ylabel("students")
    if not keys:
        axes[0, 0].text(0.5, 0.5, "no graded submissions", ha="center", va="center")
    axes[-1, 0].set_xlabel("points earned")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)
    plt.close(fig)

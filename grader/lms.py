"""After a batch: the LMS's names and lateness on each row, the LMS's import files, index.html.

It reads the download again (names only; a zip is unpacked once more) to learn each
submission's name, lateness and download prefix, then writes:

- grades.csv, results.json, canvas.csv again, now with names (and the roster's ids);
- ``canvas_feedback/<assignment>.zip`` for a Canvas download, ``moodle/<assignment>/``
  for a Moodle one (see :mod:`grader.canvas`, :mod:`grader.moodle`);
- index.html with the near-identical answer pairs (:mod:`grader.similarity`);
- ``lms.json``: the layout and these options, so that ``merge`` writes the same files.

Example:
    >>> warnings = finish(Path("download.zip"), Path("results"), results, course, LmsOptions(layout="canvas"))
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import shutil
import tempfile
from pathlib import Path

from .canvas import CanvasOptions, write_feedback_zip
from .course import Course
from .layouts import LAYOUTS, compile_pattern
from .moodle import write_moodle
from .report import write_index
from .results import Result, write_reports
from .similarity import THRESHOLD, similar_pairs
from .submissions import NOT_SUBMISSIONS, collect


@dataclasses.dataclass
class LmsOptions:
    layout: str | None = None  # None: detected
    canvas: CanvasOptions = dataclasses.field(default_factory=CanvasOptions)
    points: dict[str, float] = dataclasses.field(default_factory=dict)  # Moodle grades rescaled to these maxima
    threshold: float = THRESHOLD


def finish(source: Path, out: Path, results: list[Result], course: Course, options: LmsOptions) -> list[str]:
    """Writes the LMS reports of a finished batch; returns warnings for the instructor."""
    with tempfile.TemporaryDirectory(prefix="optax-lego-lms-") as tmp:
        found = collect(source, set(course.assignments()), Path(tmp), options.layout)
        subs = {(s.student, s.assignment): s for s in found.submissions}
        mine = [r for r in results if (r.student, r.assignment) in subs and r.status not in NOT_SUBMISSIONS]
        for r in mine:
            sub = subs[(r.student, r.assignment)]
            r.name, r.late, r.handle = sub.name, sub.late, sub.handle
        notebooks = {(r.student, r.assignment): subs[(r.student, r.assignment)].path for r in mine}
        references = {
            a: [course.exercises / a / f"{a}.ipynb", course.solutions / a / f"{a}.ipynb"] for _, a in notebooks
        }
        pairs = similar_pairs(notebooks, references, options.threshold)
    options.layout = found.layout
    (out / "lms.json").write_text(json.dumps(_saved(options)))
    return write_lms_files(results, out, options=options, pairs=pairs)


def write_lms_files(
    results: list[Result],
    out: Path,
    parts: list[Path] = (),
    options: LmsOptions | None = None,
    pairs: list | None = None,
) -> list[str]:
    """grades.csv, results.json, canvas.csv, the LMS's upload files and index.html from ``results``.

    ``merge`` passes the shards' folders instead of ``options``: their ``lms.json``
    says how they were graded. ``pairs=None``: the similarity check did not run.
    """
    warnings = []
    if options is None:
        options, warnings = _options_of(parts)
    warnings += write_reports(results, out, options.canvas, options.layout or "folders")
    handles = {(r.student, r.assignment): r.handle for r in results if r.handle}
    shutil.rmtree(out / "canvas_feedback", ignore_errors=True)
    shutil.rmtree(out / "moodle", ignore_errors=True)
    if options.layout == "canvas":
        write_feedback_zip(results, handles, out / "feedback", out / "canvas_feedback")
    if options.layout == "moodle":
        write_moodle(results, handles, out / "feedback", out / "moodle", options.points)
    write_index(results, out, pairs, options.threshold, options.layout or "folders")
    if parts:
        (out / "lms.json").write_text(json.dumps(_saved(options)))
    return warnings


def _saved(options: LmsOptions) -> dict:
    canvas = options.canvas
    roster = str(canvas.roster.resolve()) if canvas.roster else None
    return {
        "layout": options.layout,
        "points": options.points,
        "threshold": options.threshold,
        "canvas": {"roster": roster, "columns": canvas.columns, "points": canvas.points, "scale": canvas.scale},
    }


def _options_of(parts: list[Path]) -> tuple[LmsOptions, list[str]]:
    """The options the shards were graded with (their ``lms.json``), for ``merge``."""
    for part in parts:
        try:
            saved = json.loads((part / "lms.json").read_text())
        except (OSError, ValueError):
            continue
        c = saved.get("canvas", {})
        roster = Path(c["roster"]) if c.get("roster") else None
        warnings = []
        if roster and not roster.is_file():
            warnings.append(f"canvas.csv: the shards' roster {roster} is not here, so canvas.csv has no SIS ids")
            roster = None
        canvas = CanvasOptions(roster, c.get("columns", {}), c.get("points", {}), c.get("scale", False))
        options = LmsOptions(saved.get("layout"), canvas, saved.get("points", {}), saved.get("threshold", THRESHOLD))
        return options, warnings
    return LmsOptions(layout="folders"), []


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``grade`` options about LMS downloads and exports."""
    parser.add_argument(
        "--layout",
        help=f"how the download names students: {'|'.join(LAYOUTS)}|regex:PATTERN (default: detected)",
    )
    parser.add_argument("--roster", type=Path, help="Canvas's gradebook export: SIS ids, sections, assignment columns")
    parser.add_argument(
        "--canvas-column",
        action="append",
        default=[],
        metavar="SLUG=COLUMN",
        help='canvas.csv column of an assignment, e.g. 01_mental_model="Mental model (4321)"',
    )
    parser.add_argument(
        "--points", action="append", default=[], metavar="SLUG=N", help="rescale an assignment to N points in the LMS"
    )
    parser.add_argument(
        "--scale-to-roster", action="store_true", help="rescale every assignment to the roster's Points Possible"
    )
    parser.add_argument(
        "--similarity",
        type=float,
        default=THRESHOLD,
        help="flag answer pairs at least this similar in index.html (default: %(default)s)",
    )


def options_from(args: argparse.Namespace, parser: argparse.ArgumentParser) -> LmsOptions:
    """The :class:`LmsOptions` of parsed arguments; ``parser.error`` for unusable ones."""
    if args.layout and args.layout not in LAYOUTS:
        if not args.layout.startswith("regex:"):
            parser.error(f"--layout must be one of {', '.join(LAYOUTS)} or regex:PATTERN, not {args.layout!r}")
        try:
            compile_pattern(args.layout.removeprefix("regex:"))
        except Exception as e:
            parser.error(f"--layout {args.layout!r}: {e}")
    if args.roster:
        try:
            header = next(csv.reader(args.roster.open(newline="", encoding="utf-8-sig")), [])
        except (OSError, UnicodeDecodeError, csv.Error) as e:
            parser.error(f"--roster {args.roster}: {e}")
        if not {"Student", "ID"} <= set(header):
            parser.error(f"--roster {args.roster} is not a Canvas gradebook export (no Student and ID columns)")
    if not 0 < args.similarity <= 1:
        parser.error("--similarity must be in (0, 1]")
    columns = dict(_pair(text, "--canvas-column", parser) for text in args.canvas_column)
    points = {}
    for text in args.points:
        slug, value = _pair(text, "--points", parser)
        try:
            points[slug] = float(value)
        except ValueError:
            parser.error(f"--points {text!r}: {value!r} is not a number")
        if points[slug] <= 0:
            parser.error(f"--points {text!r}: points must be positive")
    canvas = CanvasOptions(args.roster, columns, points, args.scale_to_roster)
    return LmsOptions(args.layout, canvas, points, args.similarity)


def _pair(text: str, flag: str, parser: argparse.ArgumentParser) -> tuple[str, str]:
    slug, sep, value = text.partition("=")
    if not sep or not slug or not value:
        parser.error(f"{flag} expects SLUG=VALUE, got {text!r}")
    return slug, value

"""Command line: ``python -m grader grade SUBMISSIONS --out RESULTS`` and ``python -m grader release``.

Example:
    $ python -m grader grade submissions/ --out results/ --jobs 2
    3 rows: 2 graded (1 with full marks), 1 not graded; 14.2 s
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from .autograde import Limits
from .batch import grade_batch, summary_line
from .course import Course, write_exercises


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m grader", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    g = commands.add_parser("grade", help="autograde a folder (or .zip) of <student>/<NN_slug>.ipynb")
    g.add_argument("submissions", type=Path, help="folder or .zip of <student_id>/<NN_slug>.ipynb")
    g.add_argument("--out", type=Path, required=True, help="results folder (resumed if it exists)")
    g.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="submissions graded at once (default: the cores)"
    )
    g.add_argument(
        "--timeout", type=int, default=Limits.timeout, help="seconds each cell may run (default: %(default)s)"
    )

    r = commands.add_parser("release", help="regenerate exercises/ from solutions/ with nbgrader")
    r.add_argument("assignments", nargs="*", help="assignment ids (default: all)")

    args = parser.parse_args(argv)
    course = Course.from_repo()
    if args.command == "grade":
        if not args.submissions.exists():
            parser.error(f"{args.submissions} does not exist")
        if args.jobs < 1 or args.timeout < 1:
            parser.error("--jobs and --timeout must be at least 1")
        start = time.perf_counter()
        results = grade_batch(args.submissions, args.out, args.jobs, Limits(timeout=args.timeout), course)
        print(summary_line(results, time.perf_counter() - start))
        return 0

    known = course.assignments()
    unknown = sorted(set(args.assignments) - set(known))
    if unknown:
        parser.error(f"unknown assignments {unknown}; known: {known}")
    with tempfile.TemporaryDirectory() as tmp:
        write_exercises(course, args.assignments or known, Path(tmp))
    print(f"released {', '.join(args.assignments or known)} into {course.exercises}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

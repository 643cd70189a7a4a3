"""Command line: ``python -m grader grade|merge|gradescope|release``.

Example:
    $ python -m grader grade submissions/ --out results/ --jobs 2
    3 rows: 2 graded (1 with full marks), 1 not graded; 14.2 s
    $ python -m grader grade submissions/ --out part1/ --shard 1/2   # on machine 1, and 2/2 on machine 2
    $ python -m grader merge part1/ part2/ --out results/
    $ python -m grader grade canvas_download.zip --out results/ --roster gradebook_export.csv
    $ python -m grader gradescope 01_mental_model --out autograder.zip
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from . import devices, gradescope, lms
from .autograde import Limits
from .batch import grade_batch, summary_line
from .course import Course, write_exercises
from .results import merge
from .sandbox import isolation


def shard_arg(text: str) -> tuple[int, int]:
    k, _, n = text.partition("/")
    if not (k.isdigit() and n.isdigit() and 1 <= int(k) <= int(n)):
        raise argparse.ArgumentTypeError(f"expected K/N with 1 <= K <= N, got {text!r}")
    return int(k), int(n)


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
    g.add_argument(
        "--memory", type=int, default=Limits.memory_mb, help="MB of memory per kernel (default: %(default)s)"
    )
    g.add_argument("--shard", type=shard_arg, default=(1, 1), help="grade only slice K of N (e.g. 2/4)")
    g.add_argument(
        "--platform", choices=["cpu", "gpu", "tpu"], help="JAX platform for the kernels (default: JAX chooses)"
    )
    g.add_argument(
        "--gpu-memory",
        type=float,
        default=0.0,
        help="share of a GPU's memory each worker's kernels may use, 0-1 (default: 90%% split between its workers)",
    )
    g.add_argument(
        "--no-compile-cache",
        dest="compile_cache",
        action="store_false",
        help="compile every student's programs from scratch (see README: Speed)",
    )
    lms.add_arguments(g)

    m = commands.add_parser("merge", help="join the results folders of several --shard runs")
    m.add_argument("parts", nargs="+", type=Path, help="results folders of the shards")
    m.add_argument("--out", type=Path, required=True, help="folder for the merged results")

    gs = commands.add_parser("gradescope", help="build Gradescope's autograder zip for one assignment")
    gs.add_argument("assignment", help="assignment id, e.g. 01_mental_model")
    gs.add_argument("--out", type=Path, required=True, help="the zip to write (autograder.zip)")

    r = commands.add_parser("release", help="regenerate exercises/ from solutions/ with nbgrader")
    r.add_argument("assignments", nargs="*", help="assignment ids (default: all)")

    args = parser.parse_args(argv)
    course = Course.from_repo()
    if args.command == "grade":
        if not args.submissions.exists():
            parser.error(f"{args.submissions} does not exist")
        if min(args.jobs, args.timeout, args.memory) < 1:
            parser.error("--jobs, --timeout and --memory must be at least 1")
        if not 0 <= args.gpu_memory <= 1:
            parser.error("--gpu-memory must be between 0 and 1")
        try:
            accelerators = devices.detect(args.platform or "")
        except ValueError as e:
            parser.error(str(e))
        limits = Limits(
            args.timeout,
            args.memory,
            platform=args.platform or "",
            accelerators=accelerators,
            gpu_memory=args.gpu_memory,
        )
        print(f"isolation: {isolation()}; accelerators: {accelerators.platform}", file=sys.stderr)
        start = time.perf_counter()
        options = lms.options_from(args, parser)
        results = grade_batch(
            args.submissions, args.out, args.jobs, limits, course, args.shard, args.compile_cache, options.layout
        )
        for warning in lms.finish(args.submissions, args.out, results, course, options):
            print(f"warning: {warning}", file=sys.stderr)
        print(summary_line(results, time.perf_counter() - start))
        return 0

    if args.command == "merge":
        missing = [str(p) for p in args.parts if not (p / "results.json").is_file()]
        if missing:
            parser.error(f"no results.json in {', '.join(missing)}")
        print(summary_line(merge(args.parts, args.out)))
        return 0

    known = course.assignments()
    if args.command == "gradescope":
        if args.assignment not in known:
            parser.error(f"unknown assignment {args.assignment!r}; known: {known}")
        print(f"wrote {gradescope.build(args.assignment, args.out, course)}: upload it as the autograder")
        return 0

    unknown = sorted(set(args.assignments) - set(known))
    if unknown:
        parser.error(f"unknown assignments {unknown}; known: {known}")
    with tempfile.TemporaryDirectory() as tmp:
        write_exercises(course, args.assignments or known, Path(tmp))
    print(f"released {', '.join(args.assignments or known)} into {course.exercises}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Our grader against plain ``nbgrader autograde`` on the same submissions, in one run.

Builds a class from the course itself (per assignment: the solution, the blank exercise,
every mutant in tests/mutants, and one broken file), grades it with stock nbgrader (one
``nbgrader autograde`` per assignment, as an instructor would) and with
``python -m grader grade``, checks that both give the same scores, and prints:

- the speed ratio, with ``--jobs N`` (default: the cores);
- the notebooks' own execution: each run once with nbclient in a fresh kernel;
- our overhead above it with ``--jobs 1``, in all and per submission, and the part of it
  spent around the cells in a worker (kernel start, nbgrader's autograde, feedback);
- the floor plain nbgrader pays per submission (a kernel start plus the imports) and ours.

    .venv/bin/python benchmarks/grade_vs_nbgrader.py [--jobs 2] [--assignments 01_mental_model ...]

Three assignments (about 24 submissions) take about 15 minutes on 2 cores; all seven, about 45.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from test_exercise_grading import MUTANTS, mutant_question, with_answer  # noqa: E402

from grader.course import Course, nbgrader_config, release  # noqa: E402

BIN = Path(sys.executable).parent


def make_class(folder: Path, assignments: list[str], minimum: int) -> int:
    """Writes <student>/<assignment>.ipynb files; returns how many notebooks."""
    count = 0
    while count < minimum:
        for assignment in assignments:
            notebooks = {
                "solution": nbformat.read(REPO / "solutions" / assignment / f"{assignment}.ipynb", 4),
                "blank": nbformat.read(REPO / "exercises" / assignment / f"{assignment}.ipynb", 4),
            }
            for mutant in (m for m in MUTANTS if m.parent.name == assignment):
                notebooks[f"mutant-{mutant.stem}"] = with_answer(
                    assignment, mutant_question(mutant), mutant.read_text()
                )
            for name, nb in notebooks.items():
                student = folder / f"{name}-{count}"
                student.mkdir(parents=True, exist_ok=True)
                nbformat.write(nb, student / f"{assignment}.ipynb")
                count += 1
            broken = folder / f"broken-{count}"
            broken.mkdir()
            (broken / f"{assignment}.ipynb").write_text('{"cells": [')
            count += 1
    return count


def plain_nbgrader(subs: Path, work: Path, assignments: list[str]) -> tuple[float, dict]:
    """Times stock ``nbgrader autograde`` over the class; returns (seconds, scores)."""
    course = work / "course"
    release(Course.from_repo(), assignments, course)  # the gradebook, not timed
    for student in subs.iterdir():
        for nb in student.glob("*.ipynb"):
            target = course / "submitted" / student.name / nb.stem
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy(nb, target / nb.name)
    config = nbgrader_config(course)
    (course / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.CourseDirectory.root = {str(course)!r}\n"
        f"c.CourseDirectory.db_url = {config.CourseDirectory.db_url!r}\n"
    )
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    start = time.perf_counter()
    for assignment in assignments:
        subprocess.run([BIN / "nbgrader", "autograde", assignment], cwd=course, env=env, capture_output=True)
    seconds = time.perf_counter() - start

    from nbgrader.api import Gradebook

    scores = {}
    with Gradebook(config.CourseDirectory.db_url) as gb:
        for assignment in assignments:
            for sub in gb.assignment_submissions(assignment):
                scores[(sub.student_id, assignment)] = float(sub.score)
    return seconds, scores


def our_grader(subs: Path, out: Path, jobs: int, *extra: str) -> tuple[float, dict, list[dict]]:
    """Times ``python -m grader grade``; returns (seconds, scores, results.json rows)."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "grader", "grade", subs, "--out", out, "--jobs", str(jobs), *extra],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    seconds = time.perf_counter() - start
    rows = json.loads((out / "results.json").read_text())
    return seconds, {(r["student"], r["assignment"]): r["score"] for r in rows}, rows


def kernel_floor(repeats: int = 3) -> float:
    """Seconds to start a kernel and import jax, optax and flax.nnx, as plain nbgrader does per submission."""
    from jupyter_client.manager import start_new_kernel

    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        km, kc = start_new_kernel(kernel_name="python3")
        kc.execute_interactive("import jax, optax, flax.nnx, numpy", timeout=120)
        times.append(time.perf_counter() - start)
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return min(times)


def our_kernel_start(work: Path, repeats: int = 5) -> float:
    """Seconds from asking our warm zygote for a kernel to a first cell importing jax, optax and flax.nnx."""
    import asyncio

    from traitlets.config import Config

    from grader.kernels import kernel_manager_class

    config = Config()
    config.SandboxedKernelManager.work_dir = str(work)

    async def once() -> float:
        km = kernel_manager_class()(config=config, kernel_name="python3")
        start = time.perf_counter()
        await km.start_kernel()
        kc = km.client()
        kc.start_channels()
        await kc.wait_for_ready(timeout=120)
        await kc.execute_interactive("import jax, optax, flax.nnx, numpy", timeout=120)
        elapsed = time.perf_counter() - start
        kc.stop_channels()
        await km.shutdown_kernel(now=True)
        return elapsed

    return min(asyncio.run(once()) for _ in range(repeats))  # the first also starts the zygote


def execution_time(subs: Path) -> float:
    """Seconds to run every valid notebook once with nbclient, one after another."""
    from nbclient import NotebookClient

    total = 0.0
    for nb_path in sorted(subs.glob("*/*.ipynb")):
        try:
            nb = nbformat.read(nb_path, 4)
        except Exception:
            continue
        start = time.perf_counter()
        NotebookClient(nb, timeout=120, allow_errors=True, kernel_name="python3").execute()
        total += time.perf_counter() - start
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--min-submissions", type=int, default=16)
    parser.add_argument("--assignments", nargs="+", help="assignment ids (default: all)")
    parser.add_argument("--ratio-only", action="store_true", help="stop after the speed ratio and the score check")
    args = parser.parse_args()
    assignments = args.assignments or Course.from_repo().assignments()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        n = make_class(tmp / "subs", assignments, args.min_submissions)
        print(f"{n} submissions over {len(assignments)} assignments, {os.cpu_count()} cores", flush=True)
        t_plain, plain = plain_nbgrader(tmp / "subs", tmp / "plain", assignments)
        print(f"plain nbgrader autograde:            {t_plain:7.1f} s", flush=True)
        t_ours, ours, _ = our_grader(tmp / "subs", tmp / "ours", args.jobs)
        print(f"python -m grader --jobs {args.jobs}:           {t_ours:7.1f} s   {t_plain / t_ours:.2f}x", flush=True)
        if args.ratio_only:
            return _report(plain, ours, args.jobs, t_plain, t_ours, n)
        t_one, _, rows = our_grader(tmp / "subs", tmp / "ours1", 1)
        print(f"python -m grader --jobs 1:           {t_one:7.1f} s   {t_plain / t_one:.2f}x", flush=True)
        t_exec = execution_time(tmp / "subs")
        valid = sum(r["status"] != "invalid_notebook" for r in rows)
        print(f"notebooks' own execution (nbclient, a fresh kernel each): {t_exec:.1f} s ({t_exec / valid:.2f} s each)")
        print(
            f"our overhead above it (--jobs 1): {t_one - t_exec:+.1f} s in all, {(t_one - t_exec) / valid:+.2f} s "
            "per submission (negative: faster than running the notebooks)"
        )
        graded = [r for r in rows if r["seconds"]]
        around = sum(r["seconds"] - r["cells_seconds"] for r in graded) / len(graded)
        fixed = t_one - sum(r["seconds"] for r in graded)
        print(f"  time around the cells in a worker (kernel start, nbgrader, feedback): {around:.2f} s per submission")
        print(f"  once per batch (start, release, compile-cache warm-up, reports): {fixed:.1f} s")
        print(f"floor per submission for plain nbgrader (kernel start + imports): {kernel_floor():.2f} s")
        print(f"ours (a kernel forked by the warm zygote, imports done): {our_kernel_start(tmp / 'zygote'):.2f} s")
        _report(plain, ours, args.jobs, t_plain, t_ours, valid)


def _report(plain: dict, ours: dict, jobs: int, t_plain: float, t_ours: float, valid: int) -> None:
    same = plain == ours
    print(f"scores identical: {same} ({len(ours)} submissions, {valid} of them valid notebooks)")
    print(f"speed-up over plain nbgrader with --jobs {jobs}: {t_plain / t_ours:.2f}x")
    if not same:
        for key in sorted(set(plain) | set(ours)):
            if plain.get(key) != ours.get(key):
                print("  differs:", key, plain.get(key), ours.get(key))
        sys.exit(1)


if __name__ == "__main__":
    main()

"""Grades a whole class: collect, release the course once, grade in parallel, report.

Results are kept per submission in ``RESULTS/.work`` as they finish, keyed by a
fingerprint of the notebook, its assignment's source and the limits, so a second
run resumes after a crash and regrades only what changed.

``shard=(k, n)`` grades only the students whose id hashes to slice k of n, so that n
machines can share a class; :func:`grader.results.merge` joins their results.

Example:
    >>> results = grade_batch(Path("submissions"), Path("results"), jobs=2, limits=Limits())
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import multiprocessing
import tempfile
from pathlib import Path

from .autograde import Limits, grade
from .course import Course, release
from .progress import Progress
from .results import Result, write_reports
from .submissions import Submission, collect


def grade_batch(
    source: Path, out: Path, jobs: int, limits: Limits, course: Course | None = None, shard: tuple[int, int] = (1, 1)
) -> list[Result]:
    course = course or Course.from_repo()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="optax-lego-grader-") as tmp:
        tmp = Path(tmp)
        found = collect(source, set(course.assignments()), tmp)
        mine = [sub for sub in found.submissions if in_shard(sub.student, shard)]
        problems = [r for r in found.problems if in_shard(r.student, shard)]
        done: list[Result] = []
        todo: list[tuple[Submission, str]] = []
        for sub in mine:
            fingerprint = _fingerprint(sub, course, limits)
            cached = Result.load(_state_path(out, sub))
            if cached is not None and cached.fingerprint == fingerprint:
                done.append(cached)
            else:
                todo.append((sub, fingerprint))
        if todo:
            master = tmp / "master"
            release(course, sorted({sub.assignment for sub, _ in todo}), master)
            hidden = (source.resolve(), out.resolve(), tmp.resolve())
            done += _grade_all(todo, master, tmp, out, jobs, limits, hidden)
        results = done + problems
    write_reports(results, out)
    return results


def in_shard(student: str, shard: tuple[int, int]) -> bool:
    """Whether ``student`` belongs to slice k of n (1-based), the same on every machine."""
    k, n = shard
    return int(hashlib.sha256(student.encode()).hexdigest(), 16) % n == k - 1


def _grade_all(todo, master: Path, tmp: Path, out: Path, jobs: int, limits: Limits, hidden) -> list[Result]:
    results = []
    progress = Progress(len(todo))
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        futures = {}
        for i, (sub, fingerprint) in enumerate(todo):
            scratch = tmp / "scratch" / str(i)
            future = pool.submit(grade, sub, master, scratch, limits, out / "feedback", hidden)
            futures[future] = (sub, fingerprint)
        for future in concurrent.futures.as_completed(futures):
            sub, fingerprint = futures[future]
            try:
                result = future.result()
            except Exception as e:  # a crash in the grader itself: report it, go on
                result = Result(
                    sub.student, sub.assignment, 0.0, 0.0, "error", f"grader crashed: {type(e).__name__}: {e}"
                )
            result.fingerprint = fingerprint
            result.save(_state_path(out, sub))
            results.append(result)
            progress.done(f"{sub.student}/{sub.assignment}: {result.status} {result.score:g}/{result.max_score:g}")
    return results


def _state_path(out: Path, sub: Submission) -> Path:
    return out / ".work" / sub.student / f"{sub.assignment}.json"


def _fingerprint(sub: Submission, course: Course, limits: Limits) -> str:
    h = hashlib.sha256()
    h.update(sub.path.read_bytes())
    h.update((course.solutions / sub.assignment / f"{sub.assignment}.ipynb").read_bytes())
    h.update(repr(limits).encode())
    return h.hexdigest()


def summary_line(results: list[Result], seconds: float | None = None) -> str:
    graded = [r for r in results if r.status == "graded"]
    full = sum(r.max_score > 0 and r.score == r.max_score for r in graded)
    other = len(results) - len(graded)
    line = f"{len(results)} rows: {len(graded)} graded ({full} with full marks), {other} not graded"
    return line if seconds is None else f"{line}; {seconds:.1f} s"

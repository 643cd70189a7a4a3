"""Grades a whole class: collect, prepare each assignment, grade in parallel, report.

Preparing an assignment releases it with nbgrader (its gradebook) and, unless
``compile_cache=False``, runs its solution once to fill the compile cache that its
students' kernels read (see :mod:`grader.compile_cache`). Assignments are prepared in
parallel, in the same worker pool that then grades.

Results are kept per submission in ``RESULTS/.work`` as they finish, keyed by a
fingerprint of the notebook, its assignment's source and the limits, so a second
run resumes after a crash and regrades only what changed, and what the grader itself
could not grade (status ``error``, :data:`NOT_FINAL`).

``shard=(k, n)`` grades only the students whose id hashes to slice k of n, so that n
machines can share a class; :func:`grader.results.merge` joins their results.

Example:
    >>> results = grade_batch(Path("submissions"), Path("results"), jobs=2, limits=Limits())
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import multiprocessing
import os
import sys
import tempfile
from pathlib import Path

from .autograde import Limits, grade
from .compile_cache import unseal, warm
from .course import Course, release
from .devices import worker_env
from .progress import Progress
from .results import Result, write_reports
from .submissions import Submission, collect

# Rows that the grader or the machine caused, not the student's code: a rerun grades them again.
NOT_FINAL = {"error"}

# Running the solution to fill the compile cache costs about one submission; it saves
# about half of each later one, so it pays from the third submission of an assignment.
WARM_UP_MIN_SUBMISSIONS = 3


def grade_batch(
    source: Path,
    out: Path,
    jobs: int,
    limits: Limits,
    course: Course | None = None,
    shard: tuple[int, int] = (1, 1),
    compile_cache: bool = True,
    layout: str | None = None,
) -> list[Result]:
    course = course or Course.from_repo()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="optax-lego-grader-") as tmp:
        tmp = Path(tmp)
        found = collect(source, set(course.assignments()), tmp, layout)
        mine = [sub for sub in found.submissions if in_shard(sub.student, shard)]
        problems = [r for r in found.problems if in_shard(r.student, shard)]
        done: list[Result] = []
        todo: list[tuple[Submission, str]] = []
        for sub in mine:
            fingerprint = _fingerprint(sub, course, limits)
            cached = Result.load(_state_path(out, sub))
            if cached is not None and cached.fingerprint == fingerprint and cached.status not in NOT_FINAL:
                done.append(cached)
            else:
                todo.append((sub, fingerprint))
        if todo:
            cache = tmp / "compile-cache" if compile_cache else None
            hidden = (source.resolve(), out.resolve(), tmp.resolve())
            context = multiprocessing.get_context("spawn")
            slots = context.Value("i", 0)  # each worker takes the next: its GPU, if any
            pool = concurrent.futures.ProcessPoolExecutor(
                jobs, context, initializer=_start_worker, initargs=(slots, jobs, limits)
            )
            with pool:
                try:
                    done += _grade_all(pool, todo, course, tmp, out, limits, hidden, cache)
                finally:
                    if cache:
                        unseal(cache)
        results = done + problems
    write_reports(results, out)
    return results


def _start_worker(slots, jobs: int, limits: Limits) -> None:
    """Gives this worker (and so its kernels and its warm-ups) a GPU and a share of it."""
    with slots.get_lock():
        slot, slots.value = slots.value, slots.value + 1
    os.environ.update(worker_env(slot, jobs, limits.accelerators.gpus, limits.gpu_memory))


def in_shard(student: str, shard: tuple[int, int]) -> bool:
    """Whether ``student`` belongs to slice k of n (1-based), the same on every machine."""
    k, n = shard
    return int(hashlib.sha256(student.encode()).hexdigest(), 16) % n == k - 1


def prepare(course: Course, assignment: str, warm_up: bool, tmp: Path, limits: Limits, cache: Path | None) -> str:
    """Releases ``assignment`` into ``tmp/master/<assignment>`` and, if ``warm_up``, fills
    ``cache/<assignment>`` by running its solution.

    Returns '' or a warning for the instructor: the solution failed when run here.
    """
    release(course, [assignment], tmp / "master" / assignment)
    if not warm_up:
        return ""
    limits.export_platform()  # the solution's programs must be compiled for the students' platform
    solution = tmp / "master" / assignment / "source" / assignment / f"{assignment}.ipynb"
    try:
        error = warm(solution, cache / assignment, limits.timeout)
    except Exception as e:  # a slow or crashing solution: grade without its programs
        error = f"{type(e).__name__}: {e}"
    return f"warning: the solution of {assignment} fails when run here ({error})" if error else ""


def _grade_all(pool, todo, course: Course, tmp: Path, out: Path, limits: Limits, hidden, cache) -> list[Result]:
    """Prepares each assignment, then grades its submissions as soon as it is ready."""
    by_assignment: dict[str, list[tuple[Submission, str]]] = {}
    for sub, fingerprint in todo:
        by_assignment.setdefault(sub.assignment, []).append((sub, fingerprint))
    if cache:
        cache.mkdir()  # every worker's sandbox mounts it, read-only, from its first kernel on
    progress = Progress(len(todo))
    pending = {}
    for assignment, subs in sorted(by_assignment.items()):
        warm_up = cache is not None and len(subs) >= WARM_UP_MIN_SUBMISSIONS
        pending[pool.submit(prepare, course, assignment, warm_up, tmp, limits, cache)] = assignment
    results = []
    while pending:
        finished, _ = concurrent.futures.wait(pending, return_when=concurrent.futures.FIRST_COMPLETED)
        for future in finished:
            job = pending.pop(future)
            if isinstance(job, str):  # an assignment is ready: queue its submissions
                try:
                    warning = future.result()
                except Exception as e:  # nothing of it can be graded; a rerun tries again
                    for sub, _ in by_assignment[job]:
                        why = f"the grader could not prepare {job}: {type(e).__name__}: {e}"
                        results.append(Result(sub.student, sub.assignment, 0.0, 0.0, "error", why))
                        progress.done(f"{sub.student}/{sub.assignment}: error")
                    continue
                if warning:
                    print(warning, file=sys.stderr)
                job_cache = cache / job if cache and (cache / job).is_dir() else None
                for i, (sub, fingerprint) in enumerate(by_assignment[job]):
                    scratch = tmp / "scratch" / job / str(i)
                    master = tmp / "master" / sub.assignment
                    args = (sub, master, scratch, limits, out / "feedback", hidden, job_cache)
                    pending[pool.submit(grade, *args)] = (sub, fingerprint)
                continue
            sub, fingerprint = job
            try:
                result = future.result()
            except Exception as e:  # a crash in the grader itself: report it, go on
                why = f"grader crashed: {type(e).__name__}: {e}"
                result = Result(sub.student, sub.assignment, 0.0, 0.0, "error", why)
            result.fingerprint = fingerprint
            result.name, result.late, result.handle = sub.name, sub.late, sub.handle
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

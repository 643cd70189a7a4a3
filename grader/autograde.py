"""Grades one submission with nbgrader's autograde, in a scratch course of its own.

Example:
    >>> result = grade(submission, master_course, scratch_dir, Limits(timeout=30))
    >>> result.status, result.score, result.max_score
    ('graded', 7.0, 7.0)
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import time
import warnings
from pathlib import Path

import nbformat

from .compile_cache import reader_config
from .course import REPO_ROOT, nbgrader_api, nbgrader_config
from .devices import Accelerators
from .execute import execute_class
from .feedback import feedback_html
from .results import Result
from .review import flags
from .sandbox import stop_zygote
from .sanitize import check_notebook, copy_for_grading
from .submissions import Submission


@dataclasses.dataclass(frozen=True)
class Limits:
    timeout: int = 60  # seconds per cell
    memory_mb: int = 4096  # memory of the kernel
    max_processes: int = 256  # processes and threads of the kernel's uid (a JAX GPU kernel: 43)
    platform: str = ""  # JAX_PLATFORMS for the kernel ("" lets JAX choose)
    accelerators: Accelerators = Accelerators()  # device nodes the kernels get (see grader.devices)
    gpu_memory: float = 0.0  # share of a GPU's memory per worker (0: split 90% between its workers)

    def export_platform(self) -> None:
        """Sets ``JAX_PLATFORMS`` in this process, for the kernels it starts ("" leaves it alone).

        JAX reads ``gpu`` as CUDA or ROCm and fails on the one that is missing: ``cuda``.
        """
        if self.platform:
            os.environ["JAX_PLATFORMS"] = {"gpu": "cuda"}.get(self.platform, self.platform)


def config_for(
    course_root: Path, limits: Limits, kernel_dir: Path, hidden: tuple[Path, ...], cache: Path | None = None
):
    """nbgrader's configuration for autograding in ``course_root``.

    The kernel runs in ``kernel_dir``, must not see the ``hidden`` paths, and reads
    compiled programs from ``cache`` (see :mod:`grader.compile_cache`) when there is one.
    """
    from nbgrader.converters.autograde import Autograde
    from nbgrader.preprocessors import Execute

    c = nbgrader_config(course_root)
    c.Execute.timeout = limits.timeout
    # A flood of output may lose messages (see grader.kernels): go on without them.
    c.Execute.raise_on_iopub_timeout = False
    c.Execute.shutdown_kernel = "immediate"  # the outputs are in; waiting for a polite exit costs 0.1 s
    c.SandboxedKernelManager.work_dir = str(kernel_dir)
    c.SandboxedKernelManager.hidden_paths = [str(p) for p in hidden]
    c.SandboxedKernelManager.memory_mb = limits.memory_mb
    c.SandboxedKernelManager.memory_limit = limits.accelerators.memory_limit
    c.SandboxedKernelManager.device_nodes = [list(pair) for pair in limits.accelerators.nodes]
    c.SandboxedKernelManager.max_processes = limits.max_processes
    if cache is not None:
        c.SandboxedKernelManager.readable_paths = [str(cache.parent)]  # the same for all of a worker's kernels
        c.SandboxedKernelManager.jax_config = reader_config(cache)
    defaults = Autograde.class_traits()["autograde_preprocessors"].default()
    steps = [execute_class() if p is Execute else p for p in defaults]
    c.Autograde.autograde_preprocessors = steps
    c.ClearMetadataPreprocessor.preserve_nb_metadata_mask = {
        ("language_info", "name"),
        "grader_backend",
        "grader_cells_seconds",
        "grader_integrity",
        "grader_output_cut",
    }
    return c


def grade(
    sub: Submission,
    master: Path,
    scratch: Path,
    limits: Limits,
    feedback_dir: Path,
    hidden: tuple[Path, ...] = (),
    cache: Path | None = None,
) -> Result:
    """Autogrades ``sub`` against the released course in ``master``.

    ``master`` holds ``gradebook.db`` and ``source/`` (see :func:`grader.course.release`);
    they are copied into ``scratch`` so that submissions never share files. The student's
    kernel runs sandboxed in ``scratch/kernel``, sees none of ``hidden``, and reads
    compiled programs from ``cache`` if given.
    """
    start = time.perf_counter()
    result = _grade(sub, master, scratch, limits, feedback_dir, hidden, cache)
    result.seconds = time.perf_counter() - start
    return result


def _grade(sub, master, scratch, limits, feedback_dir, hidden, cache) -> Result:
    warnings.filterwarnings("ignore", module="nbgrader")  # SQLAlchemy noise from nbgrader's gradebook
    limits.export_platform()
    problem = check_notebook(sub.path)
    if problem:
        return Result(sub.student, sub.assignment, 0.0, 0.0, "invalid_notebook", problem)
    result = _attempt(sub, master, scratch / "first", limits, feedback_dir, hidden, cache)
    if result.status in RETRIED:  # perhaps the machine's fault: once more, in a fresh sandbox
        stop_zygote()
        result = _attempt(sub, master, scratch / "retry", limits, feedback_dir, hidden, cache)
        result.detail += " (the same on a retry in a fresh sandbox)"
    return result


def _attempt(sub, master, scratch, limits, feedback_dir, hidden, cache) -> Result:
    result = Result(sub.student, sub.assignment, 0.0, 0.0, "error", "")
    course_root = scratch / "course"
    shutil.copytree(master / "source" / sub.assignment, course_root / "source" / sub.assignment)
    shutil.copy(master / "gradebook.db", course_root / "gradebook.db")
    submitted = course_root / "submitted" / sub.student / sub.assignment
    copies = copy_for_grading(sub.path, submitted / f"{sub.assignment}.ipynb")

    repo_secrets = [REPO_ROOT / name for name in ("solutions", ".git", "tests")]
    course_hidden = (*hidden, master, scratch.parent.parent, *repo_secrets)  # the same for a worker's kernels
    kernel_dir = scratch.parent.parent / f"worker-{os.getpid()}"  # one per worker: its zygote lives there
    api = nbgrader_api(config_for(course_root, limits, kernel_dir, course_hidden, cache))
    outcome = api.autograde(sub.assignment, sub.student)
    if not outcome["success"]:
        cause = _cause(outcome.get("log", "") + "\n" + (outcome.get("error") or ""))
        result.max_score = _max_score(master, sub.assignment)
        result.status, why = next(((s, w) for key, s, w in FAILURES if key in cause), ("error", "nbgrader failed"))
        result.detail = f"{why}, so nothing could be graded ({cause})"
        return result

    autograded = nbformat.read(course_root / "autograded" / sub.student / sub.assignment / f"{sub.assignment}.ipynb", 4)
    result.backend = autograded.metadata.get("grader_backend", "unknown")
    result.cells_seconds = autograded.metadata.get("grader_cells_seconds", 0.0)
    _read_scores(course_root, sub, result)
    result.status, result.detail = _status(autograded, result)
    notes = [f"ignored {len(copies)} copied cell(s) of {', '.join(copies)}"] if copies else []
    if autograded.metadata.get("grader_output_cut"):
        notes.append(f"output cut short in {len(autograded.metadata['grader_output_cut'])} cell(s): too much")
    review = flags(autograded)
    if review:
        notes.append("flagged for review: " + "; ".join(review[:5]))
    result.detail = "; ".join([result.detail, *notes])

    try:
        html = feedback_html(autograded, api.coursedir.db_url, sub.student, sub.assignment)
    except Exception as e:  # the grade stands without its feedback page
        result.detail += f"; no feedback page ({type(e).__name__}: {e})"
    else:
        target = feedback_dir / sub.student / f"{sub.assignment}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    return result


def _max_score(master: Path, assignment: str) -> float:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{master / 'gradebook.db'}") as gb:
        return float(gb.find_assignment(assignment).max_score)


def _read_scores(course_root: Path, sub: Submission, result: Result) -> None:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course_root / 'gradebook.db'}") as gb:
        submission = gb.find_submission(sub.assignment, sub.student)
        result.score, result.max_score = float(submission.score), float(submission.max_score)
        for notebook in submission.notebooks:
            for g in notebook.grades:
                result.questions[g.name] = [float(g.score), float(g.max_score)]


# Errors that mean a limit stopped the student's code, most telling first.
LIMIT_ERRORS = [
    ("memory_limit", ("MemoryError",), "the notebook ran out of its memory limit"),
    ("process_limit", ("BlockingIOError",), "the notebook hit its process limit"),
    ("timeout", ("CellTimeoutError", "KeyboardInterrupt"), "a cell ran past the time limit and was interrupted"),
]


# Outcomes that may be the machine's or the grader's fault, not the notebook's: tried twice.
RETRIED = {"error", "kernel_died"}

# When nbgrader gives up on a notebook: a key in its error, our status, and why.
FAILURES = [
    ("DeadKernelError", "kernel_died", "the kernel died (os._exit, a crash, or memory exhausted)"),
    ("Kernel didn't respond", "error", "the grader could not start a kernel"),
    ("Kernel died before replying", "error", "the grader could not start a kernel"),
    ("zygote did not start", "error", "the grader could not start a kernel"),
    ("CellTimeoutError", "timeout", "a cell ran past the time limit and did not stop when interrupted"),
    ("SchemaTooOldError", "tampered", "cells were duplicated or their grading metadata was changed"),
    ("MissingEntry", "tampered", "the notebook's grading metadata does not match the assignment"),
]


def _status(nb, result: Result) -> tuple[str, str]:
    integrity = nb.metadata.get("grader_integrity") or []
    if integrity:  # the tests' verdicts cannot be trusted: no points
        earned = result.score
        result.score = 0.0
        result.questions = {g: [0.0, top] for g, (_, top) in result.questions.items()}
        why = "; ".join(integrity[:5])
        return "tampered", f"the grader's integrity checks failed ({why}); tests said {earned:g}/{result.max_score:g}"
    errors = set()
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            if o.output_type == "error":
                out_of_memory = "RESOURCE_EXHAUSTED" in o.evalue or "Out of memory" in o.evalue
                errors.add("MemoryError" if out_of_memory else o.ename)
    for status, enames, why in LIMIT_ERRORS:
        if errors.intersection(enames):
            return status, f"{why}; {_score_detail(result)}"
    return "graded", _score_detail(result)


def _score_detail(result: Result) -> str:
    lost = [g for g, (score, top) in result.questions.items() if score < top]
    if not lost:
        return f"all tests passed ({result.score:g}/{result.max_score:g})"
    return f"{result.score:g}/{result.max_score:g}; failed: {', '.join(lost)}"


def _cause(log: str) -> str:
    """The most specific error line in nbgrader's log (not its generic summary)."""
    found = re.findall(r"^\s*(?:[\w.]+\.)?(\w+(?:Error|Exception|Exit)\b.*)$", log, flags=re.MULTILINE)
    specific = [line for line in found if not line.startswith("NbGraderException")]
    return (specific or found or ["unknown error"])[-1].strip()[:300]

"""Grades one submission with nbgrader's autograde, in a scratch course of its own.

Example:
    >>> result = grade(submission, master_course, scratch_dir, Limits(timeout=30))
    >>> result.status, result.score, result.max_score
    ('graded', 7.0, 7.0)
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import time
import warnings
from datetime import datetime
from pathlib import Path

import nbformat

from .compile_cache import reader_config
from .course import REPO_ROOT, nbgrader_api, nbgrader_config
from .feedback import feedback_html
from .results import Result
from .sandbox import UNPRIVILEGED_UID_BASE
from .submissions import Submission

BACKEND_MARK = "optax-lego grader backend:"
BACKEND_PROBE = f"import jax as _grader_jax\nprint({BACKEND_MARK!r}, _grader_jax.default_backend())"


@dataclasses.dataclass(frozen=True)
class Limits:
    timeout: int = 60  # seconds per cell
    memory_mb: int = 4096  # address space of the kernel
    max_processes: int = 256  # processes and threads of the kernel's uid
    platform: str = ""  # JAX_PLATFORMS for the kernel ("" lets JAX choose)

    def export_platform(self) -> None:
        """Sets ``JAX_PLATFORMS`` in this process, for the kernels it starts ("" leaves it alone)."""
        if self.platform:
            os.environ["JAX_PLATFORMS"] = self.platform


def _execute_with_backend_probe():
    from nbgrader.preprocessors import Execute

    from .sandbox import kernel_manager_class

    class ExecuteWithBackendProbe(Execute):
        """nbgrader's Execute in a sandboxed kernel, which it then asks for its JAX backend."""

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.kernel_manager_class = kernel_manager_class()

        def preprocess(self, nb, resources=None, km=None):
            nb.cells.append(nbformat.v4.new_code_cell(BACKEND_PROBE))
            try:
                nb, resources = super().preprocess(nb, resources, km)
            finally:
                probe = nb.cells.pop()
                nb.metadata["grader_cells_seconds"] = sum(map(_run_seconds, nb.cells))
            text = "".join(o.get("text", "") for o in probe.get("outputs", []) if o.get("name") == "stdout")
            nb.metadata["grader_backend"] = (
                text.split(BACKEND_MARK, 1)[-1].strip() if BACKEND_MARK in text else "unknown"
            )
            return nb, resources

    return ExecuteWithBackendProbe


def _run_seconds(cell) -> float:
    """How long ``cell`` ran in the kernel, from nbclient's timing metadata (0 if it did not run)."""
    timing = cell.get("metadata", {}).get("execution", {})
    if "iopub.status.busy" not in timing or "shell.execute_reply" not in timing:
        return 0.0
    start, end = (
        datetime.fromisoformat(timing[k].replace("Z", "+00:00")) for k in ("iopub.status.busy", "shell.execute_reply")
    )
    return max((end - start).total_seconds(), 0.0)


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
    c.Execute.shutdown_kernel = "immediate"  # the outputs are in; waiting for a polite exit costs 0.1 s
    c.SandboxedKernelManager.work_dir = str(kernel_dir)
    c.SandboxedKernelManager.hidden_paths = [str(p) for p in hidden]
    c.SandboxedKernelManager.memory_mb = limits.memory_mb
    c.SandboxedKernelManager.max_processes = limits.max_processes
    c.SandboxedKernelManager.uid = UNPRIVILEGED_UID_BASE + os.getpid() % 10000
    if cache is not None:
        c.SandboxedKernelManager.readable_paths = [str(cache.parent)]  # the same for all of a worker's kernels
        c.SandboxedKernelManager.jax_config = reader_config(cache)
    steps = [
        _execute_with_backend_probe() if p is Execute else p
        for p in Autograde.class_traits()["autograde_preprocessors"].default()
    ]
    c.Autograde.autograde_preprocessors = steps
    c.ClearMetadataPreprocessor.preserve_nb_metadata_mask = {
        ("language_info", "name"),
        "grader_backend",
        "grader_cells_seconds",
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
    result = Result(sub.student, sub.assignment, 0.0, 0.0, "error", "")
    problem = _check_notebook(sub.path)
    if problem:
        result.status, result.detail = "invalid_notebook", problem
        return result

    course_root = scratch / "course"
    shutil.copytree(master / "source" / sub.assignment, course_root / "source" / sub.assignment)
    shutil.copy(master / "gradebook.db", course_root / "gradebook.db")
    submitted = course_root / "submitted" / sub.student / sub.assignment
    submitted.mkdir(parents=True)
    shutil.copy(sub.path, submitted / f"{sub.assignment}.ipynb")

    repo_secrets = [REPO_ROOT / name for name in ("solutions", ".git", "tests")]
    course_hidden = (*hidden, master, scratch.parent, *repo_secrets)  # the same for all of a worker's kernels
    kernel_dir = scratch.parent / f"worker-{os.getpid()}"  # one per worker: its zygote lives there
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

    try:
        html = feedback_html(autograded, api.coursedir.db_url, sub.student, sub.assignment)
    except Exception as e:  # the grade stands without its feedback page
        result.detail += f"; no feedback page ({type(e).__name__}: {e})"
    else:
        target = feedback_dir / sub.student / f"{sub.assignment}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    return result


def _check_notebook(path: Path) -> str:
    """A reason why ``path`` is not a usable notebook, or '' when it is one."""
    try:
        raw = json.loads(path.read_bytes())
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        return f"not valid JSON ({e})"
    if not isinstance(raw, dict) or raw.get("nbformat") != 4:
        return f"not an nbformat 4 notebook (nbformat={raw.get('nbformat') if isinstance(raw, dict) else None!r})"
    try:
        nbformat.validate(nbformat.reads(json.dumps(raw), as_version=4))
    except nbformat.ValidationError as e:
        return f"not a valid notebook: {e.message}"
    return ""


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


# When nbgrader gives up on a notebook: a key in its error, our status, and why.
FAILURES = [
    ("DeadKernelError", "kernel_died", "the kernel died (os._exit, a crash, or memory exhausted)"),
    ("CellTimeoutError", "timeout", "a cell ran past the time limit and did not stop when interrupted"),
    ("SchemaTooOldError", "tampered", "cells were duplicated or their grading metadata was changed"),
    ("MissingEntry", "tampered", "the notebook's grading metadata does not match the assignment"),
]


def _status(nb, result: Result) -> tuple[str, str]:
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

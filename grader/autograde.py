"""Grades one submission with nbgrader's autograde, in a scratch course of its own.

Example:
    >>> result = grade(submission, master_course, scratch_dir, Limits(timeout=30))
    >>> result.status, result.score, result.max_score
    ('graded', 7.0, 7.0)
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import nbformat

from .course import nbgrader_api, nbgrader_config
from .results import Result
from .submissions import Submission

BACKEND_MARK = "optax-lego grader backend:"
BACKEND_PROBE = f"import jax as _grader_jax\nprint({BACKEND_MARK!r}, _grader_jax.default_backend())"


@dataclasses.dataclass(frozen=True)
class Limits:
    timeout: int = 60  # seconds per cell


def _execute_with_backend_probe():
    from nbgrader.preprocessors import Execute

    class ExecuteWithBackendProbe(Execute):
        """nbgrader's Execute, then asks the same kernel which JAX backend it used."""

        def preprocess(self, nb, resources=None, km=None):
            nb.cells.append(nbformat.v4.new_code_cell(BACKEND_PROBE))
            try:
                nb, resources = super().preprocess(nb, resources, km)
            finally:
                probe = nb.cells.pop()
            text = "".join(o.get("text", "") for o in probe.get("outputs", []) if o.get("name") == "stdout")
            nb.metadata["grader_backend"] = (
                text.split(BACKEND_MARK, 1)[-1].strip() if BACKEND_MARK in text else "unknown"
            )
            return nb, resources

    return ExecuteWithBackendProbe


def _hide_hidden_test_errors():
    from nbgrader.preprocessors import NbGraderPreprocessor

    class HideHiddenTestErrors(NbGraderPreprocessor):
        """Replaces a failing hidden test's traceback: it would quote the test."""

        def preprocess_cell(self, cell, resources, index):
            if cell.cell_type == "code" and "BEGIN HIDDEN TESTS" in cell.source:
                for output in cell.get("outputs", []):
                    if output.output_type == "error":
                        output.evalue = "a hidden test failed"
                        output.traceback = [f"{output.ename}: a hidden test failed (its code is not shown)"]
            return cell, resources

    return HideHiddenTestErrors


def config_for(course_root: Path, limits: Limits):
    """nbgrader's configuration for autograding and feedback in ``course_root``."""
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbgrader.converters.autograde import Autograde
    from nbgrader.preprocessors import ClearHiddenTests, Execute, GetGrades

    c = nbgrader_config(course_root)
    c.Execute.timeout = limits.timeout
    steps = [
        _execute_with_backend_probe() if p is Execute else p
        for p in Autograde.class_traits()["autograde_preprocessors"].default()
    ]
    c.Autograde.autograde_preprocessors = steps
    c.ClearMetadataPreprocessor.preserve_nb_metadata_mask = {("language_info", "name"), "grader_backend"}
    c.GenerateFeedback.preprocessors = [
        GetGrades,
        _hide_hidden_test_errors(),
        ClearHiddenTests,
        CSSHTMLHeaderPreprocessor,
    ]
    return c


def grade(sub: Submission, master: Path, scratch: Path, limits: Limits, feedback_dir: Path) -> Result:
    """Autogrades ``sub`` against the released course in ``master``.

    ``master`` holds ``gradebook.db`` and ``source/`` (see :func:`grader.course.release`);
    they are copied into ``scratch`` so that submissions never share files.
    """
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

    api = nbgrader_api(config_for(course_root, limits))
    outcome = api.autograde(sub.assignment, sub.student)
    if not outcome["success"]:
        result.detail = "nbgrader could not autograde it: " + _last_line(outcome.get("error") or outcome.get("log", ""))
        return result

    autograded = nbformat.read(course_root / "autograded" / sub.student / sub.assignment / f"{sub.assignment}.ipynb", 4)
    result.backend = autograded.metadata.get("grader_backend", "unknown")
    _read_scores(course_root, sub, result)
    result.status, result.detail = _status(autograded, result)

    if api.generate_feedback(sub.assignment, sub.student)["success"]:
        html = course_root / "feedback" / sub.student / sub.assignment / f"{sub.assignment}.html"
        target = feedback_dir / sub.student / f"{sub.assignment}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(html, target)
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


def _read_scores(course_root: Path, sub: Submission, result: Result) -> None:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course_root / 'gradebook.db'}") as gb:
        submission = gb.find_submission(sub.assignment, sub.student)
        result.score, result.max_score = float(submission.score), float(submission.max_score)
        for notebook in submission.notebooks:
            for g in notebook.grades:
                result.questions[g.name] = [float(g.score), float(g.max_score)]


def _status(nb, result: Result) -> tuple[str, str]:
    errors = {}
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                errors.setdefault(grade_id or f"cell {cell.get('id', '?')}", output.ename)
    if any(ename == "CellTimeoutError" for ename in errors.values()):
        return "timeout", "a cell ran past the time limit; " + _score_detail(result)
    return "graded", _score_detail(result)


def _score_detail(result: Result) -> str:
    lost = [g for g, (score, top) in result.questions.items() if score < top]
    if not lost:
        return f"all tests passed ({result.score:g}/{result.max_score:g})"
    return f"{result.score:g}/{result.max_score:g}; failed: {', '.join(lost)}"


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "unknown error"

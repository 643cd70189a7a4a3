"""Feedback HTML for a student: nbgrader's feedback template, without the hidden tests.

It runs the preprocessors of nbgrader's ``generate_feedback`` (``GetGrades`` reads the
scores from the gradebook, ``ClearHiddenTests`` removes the hidden tests' code) plus one
of ours that replaces a failing hidden test's traceback, which would quote the test.
Unlike ``generate_feedback``, it keeps one exporter per process, so the Jinja templates
are compiled once per worker instead of once per student.

Example:
    >>> html = feedback_html(autograded_nb, "sqlite:///course/gradebook.db", "ada", "01_mental_model")
    >>> "BEGIN HIDDEN TESTS" in html
    False
"""

from __future__ import annotations

import functools
from pathlib import Path


def feedback_html(nb, db_url: str, student: str, assignment: str) -> str:
    """The feedback page for ``student``'s autograded notebook ``nb`` of ``assignment``."""
    resources = {
        "unique_key": assignment,
        "output_files_dir": f"{assignment}_files",
        "nbgrader": {"student": student, "assignment": assignment, "notebook": assignment, "db_url": db_url},
    }
    html, _ = _exporter().from_notebook_node(nb, resources)
    return html


@functools.cache
def _exporter():
    """An HTMLExporter set up as nbgrader's GenerateFeedback sets up its own."""
    import nbgrader
    from nbconvert.exporters import HTMLExporter
    from traitlets.config import Config

    formgrader = Path(nbgrader.__file__).parent / "server_extensions" / "formgrader"
    c = Config()
    c.Exporter.default_preprocessors = []
    c.HTMLExporter.template_name = "feedback"
    c.HTMLExporter.extra_template_basedirs = [str(formgrader / "templates")]
    c.HTMLExporter.extra_template_paths = [str(formgrader / "static" / "node_modules" / "bootstrap" / "dist" / "css")]
    exporter = HTMLExporter(config=c)
    for step in steps():
        exporter.register_preprocessor(step)  # enabled as nbgrader's converters enable them
    return exporter


def steps() -> list[type]:
    """The preprocessors, in order: nbgrader's GenerateFeedback's, with ours after GetGrades."""
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbgrader.preprocessors import ClearHiddenTests, GetGrades

    return [GetGrades, _hide_hidden_test_errors(), ClearHiddenTests, CSSHTMLHeaderPreprocessor]


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

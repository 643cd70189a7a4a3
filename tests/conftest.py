"""Shared fixtures: the repository, the nbgrader course, and a built book."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
COLAB_PYTHON = REPO / ".venv-colab" / "bin" / "python"

# LMS downloads made by hand: notebooks to grade, not to execute (nbval would collect them).
# Ignored here, not by a conftest.py among them: a second module named conftest would
# shadow this one for every `from conftest import ...`.
collect_ignore = ["fixtures"]


def run(*args, cwd=REPO, timeout=900, check=True, **kwargs) -> subprocess.CompletedProcess:
    """Runs a command, failing the test with its output when it fails."""
    proc = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=timeout, **kwargs)
    if check and proc.returncode != 0:
        pytest.fail(
            f"{' '.join(map(str, args))} exited {proc.returncode}\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
        )
    return proc


def grade_cell(nb, grade_id: str):
    """The cell of an nbgrader notebook whose grade id is ``grade_id``."""
    matches = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id]
    assert len(matches) == 1, f"expected one cell {grade_id!r}, found {len(matches)}"
    return matches[0]


def chapter_ids() -> list[str]:
    """Chapter ids in the order of _toc.yml (book/NN_slug)."""
    import yaml

    toc = yaml.safe_load((REPO / "_toc.yml").read_text())
    files = [Path(entry["file"]).name for entry in toc.get("chapters", [])]
    return [name for name in files if name[:2].isdigit()]


def assignment_ids() -> list[str]:
    from grader.course import Course

    return Course.from_repo().assignments()


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> Path:
    """Builds the book once, warnings as errors, into a temporary folder."""
    out = tmp_path_factory.mktemp("book")
    run(BIN / "jupyter-book", "build", "--warningiserror", "--keep-going", "--path-output", out, ".")
    return out / "_build" / "html"

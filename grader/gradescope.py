"""Gradescope: the autograder zip, and what runs inside Gradescope's container.

``python -m grader gradescope 01_mental_model --out autograder.zip`` writes a zip whose
root holds Gradescope's ``setup.sh`` and ``run_autograder`` beside this package, the
assignment's nbgrader source and its exercise. Gradescope unpacks it into
``/autograder/source``; for each submission ``run_autograder`` grades the notebook in
``/autograder/submission`` with this grader (one worker, the same sandbox where the
container allows it, rlimits otherwise, and ``results.json`` says which) and writes
``/autograder/results/results.json``: one test per question, the hidden tests'
share ``after_published``. ``AUTOGRADER_ROOT`` points it at a folder laid out as
``/autograder/`` is, to try it locally.

Example:
    >>> build("01_mental_model", Path("autograder.zip"))
    >>> run(Path("/autograder"))  # inside Gradescope
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from .course import REPO_ROOT, Course
from .results import question_of

SETUP_SH = """#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image.
# Choose the Ubuntu 24.04 base image: the grader needs Python 3.11 or newer.
set -euo pipefail
apt-get update
apt-get install -y --no-install-recommends python3 python3-venv python3-pip bubblewrap
python3 -c 'import sys; assert sys.version_info >= (3, 11), "the grader needs Python 3.11+: pick Ubuntu 24.04"'
python3 -m venv /autograder/venv
/autograder/venv/bin/pip install --no-cache-dir -r /autograder/source/requirements.txt
"""

RUN_AUTOGRADER = """#!/usr/bin/env bash
# Gradescope runs this for each submission (AUTOGRADER_ROOT: a local folder laid out as /autograder/).
set -uo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"
PYTHON="${AUTOGRADER_PYTHON:-$ROOT/venv/bin/python}"
cd "$ROOT/source" && exec "$PYTHON" -m grader.gradescope --root "$ROOT" --assignment __ASSIGNMENT__ \
    ${GRADER_MEMORY_MB:+--memory "$GRADER_MEMORY_MB"}
"""

HIDDEN_SUFFIX = "_hidden"


def build(assignment: str, out: Path, course: Course | None = None) -> Path:
    """Writes the autograder zip for ``assignment`` to ``out``."""
    course = course or Course.from_repo()
    if assignment not in course.assignments():
        raise ValueError(f"unknown assignment {assignment!r}; known: {course.assignments()}")
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        _add_script(zf, "setup.sh", SETUP_SH)
        _add_script(zf, "run_autograder", RUN_AUTOGRADER.replace("__ASSIGNMENT__", assignment))
        zf.write(REPO_ROOT / "requirements.txt", "requirements.txt")
        for path in sorted((REPO_ROOT / "grader").glob("*.py")):
            zf.write(path, f"grader/{path.name}")
        for kind, folder in (("solutions", course.solutions), ("exercises", course.exercises)):
            for path in sorted((folder / assignment).rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts and ".ipynb_checkpoints" not in path.parts:
                    zf.write(path, f"{kind}/{assignment}/{path.relative_to(folder / assignment)}")
    return out


def run(root: Path, assignment: str, memory_mb: int | None = None) -> dict:
    """Grades the notebook in ``root/submission``; writes and returns ``root/results/results.json``.

    ``memory_mb`` caps the kernel's address space (``Limits.memory_mb`` when None).
    """
    from .autograde import Limits
    from .batch import grade_batch
    from .sandbox import isolation

    notebooks = sorted((root / "submission").rglob("*.ipynb"))
    exact = [p for p in notebooks if p.name == f"{assignment}.ipynb"]
    report: dict
    if not notebooks:
        report = {"score": 0.0, "output": f"No notebook was submitted: upload {assignment}.ipynb."}
    else:
        with tempfile.TemporaryDirectory(prefix="gradescope-") as tmp:
            classroom = Path(tmp) / "submissions" / _student(root)
            classroom.mkdir(parents=True)
            shutil.copy((exact or notebooks)[0], classroom / f"{assignment}.ipynb")
            out = Path(tmp) / "results"
            limits = Limits(memory_mb=memory_mb) if memory_mb else Limits()
            results = grade_batch(classroom.parent, out, 1, limits, compile_cache=False)
            graded = next(r for r in results if r.assignment == assignment)
            report = _report(graded, isolation(), (exact or notebooks)[0].name)
    (root / "results").mkdir(parents=True, exist_ok=True)
    (root / "results" / "results.json").write_text(json.dumps(report, indent=1))
    return report


def _report(r, isolation: str, filename: str) -> dict:
    """Gradescope's results.json for one graded result: a test per question, hidden ones after publishing."""
    tests = []
    for grade_id, (score, top) in sorted(r.questions.items()):
        hidden = grade_id.endswith(HIDDEN_SUFFIX)
        tests.append(
            {
                "name": f"{question_of(grade_id)} ({'hidden' if hidden else 'visible'} tests)",
                "score": score,
                "max_score": top,
                "visibility": "after_published" if hidden else "visible",
                "output": "passed" if score >= top else "failed",
            }
        )
    output = f"{filename}: {r.status}. {r.detail}\nGrader isolation: {isolation}"
    if not tests:  # nothing ran: say why, worth its points
        tests.append({"name": "notebook", "score": 0.0, "max_score": r.max_score, "output": r.detail})
    return {"score": r.score, "output": output, "tests": tests}


def _student(root: Path) -> str:
    """A folder name for the submitter, from Gradescope's submission_metadata.json."""
    from .layouts import safe_id

    try:
        users = json.loads((root / "submission_metadata.json").read_text())["users"]
        return safe_id(users[0].get("email") or users[0].get("name") or "student")
    except (OSError, ValueError, KeyError, IndexError, AttributeError):
        return "student"


def _add_script(zf: zipfile.ZipFile, name: str, text: str) -> None:
    info = zipfile.ZipInfo(name)
    info.external_attr = 0o100755 << 16  # executable
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m grader.gradescope", description="grade one Gradescope submission")
    parser.add_argument("--root", type=Path, default=Path(os.environ.get("AUTOGRADER_ROOT", "/autograder")))
    parser.add_argument("--assignment", required=True)
    parser.add_argument("--memory", type=int, help="MB of address space for the kernel")
    args = parser.parse_args(argv)
    report = run(args.root, args.assignment, args.memory)
    print(f"score {report['score']:g}; {len(report.get('tests', []))} tests", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Finds the notebooks in a class's submissions folder (or .zip of one).

The layout is ``<student_id>/<NN_slug>.ipynb``. Everything else becomes a
:class:`~grader.results.Result` row that says why it was not graded.

Example:
    >>> found = collect(Path("submissions"), {"01_mental_model"}, workdir)
    >>> [(s.student, s.assignment) for s in found.submissions]
    [('ada', '01_mental_model')]
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import zipfile
from pathlib import Path

from .results import Result

# Colab and browsers rename downloads: "Copy of 01_x.ipynb", "01_x (1).ipynb".
_RENAMED = re.compile(r"^(?:Copy of )*(?P<stem>.+?)(?: ?\(\d+\))?$")


@dataclasses.dataclass(frozen=True)
class Submission:
    student: str
    assignment: str
    path: Path

    def sha256(self) -> str:
        return hashlib.sha256(self.path.read_bytes()).hexdigest()


@dataclasses.dataclass
class Found:
    submissions: list[Submission]
    problems: list[Result]


def collect(source: Path, assignments: set[str], workdir: Path) -> Found:
    """Lists gradable submissions in ``source`` and a row for everything else.

    A ``.zip`` is unpacked into ``workdir`` first. Dotfiles and ``__MACOSX`` are
    operating-system litter and are skipped silently.
    """
    root = _unpack(source, workdir) if source.suffix == ".zip" else source
    found = Found([], [])
    for entry in sorted(_visible(root)):
        if not entry.is_dir():
            found.problems.append(
                _problem("", entry.name, "not_in_student_folder", "files must sit in a folder named after the student")
            )
            continue
        _collect_student(entry, assignments, found)
    return found


def _collect_student(folder: Path, assignments: set[str], found: Found) -> None:
    student = folder.name
    files = sorted(p for p in _visible(folder))
    if not files:
        found.problems.append(_problem(student, "", "empty", "the student's folder holds no notebook"))
        return
    chosen: dict[str, Submission] = {}
    for path in files:
        if path.is_dir():
            found.problems.append(
                _problem(student, path.name, "unexpected_folder", "folders inside a student's folder are not graded")
            )
            continue
        if path.suffix != ".ipynb":
            found.problems.append(
                _problem(student, path.name, "not_a_notebook", f"{path.name} is not an .ipynb notebook")
            )
            continue
        assignment = _RENAMED.match(path.stem)["stem"]
        if assignment not in assignments:
            found.problems.append(
                _problem(
                    student,
                    path.stem,
                    "unknown_assignment",
                    f"no assignment is called {path.stem!r}; expected one of {sorted(assignments)}",
                )
            )
            continue
        previous = chosen.get(assignment)
        if previous is None or path.stem == assignment:  # the exact name wins
            if previous is not None:
                found.problems.append(_duplicate(student, assignment, previous.path.name, path.name))
            chosen[assignment] = Submission(student, assignment, path)
        else:
            found.problems.append(_duplicate(student, assignment, path.name, previous.path.name))
    found.submissions.extend(chosen.values())


def _duplicate(student: str, assignment: str, ignored: str, graded: str) -> Result:
    return _problem(
        student, assignment, "duplicate", f"{ignored} was not graded: {graded} is graded for this assignment"
    )


def _problem(student: str, assignment: str, status: str, detail: str) -> Result:
    return Result(student, assignment, 0.0, 0.0, status, detail)


def _visible(folder: Path):
    return (p for p in folder.iterdir() if not p.name.startswith(".") and p.name != "__MACOSX")


def _unpack(archive: Path, workdir: Path) -> Path:
    """Extracts a zip safely (no path may escape workdir) and finds its root."""
    target = workdir / "unzipped"
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            if Path(info.filename).is_absolute() or ".." in Path(info.filename).parts:
                raise ValueError(f"{archive} holds an unsafe path: {info.filename!r}")
        zf.extractall(target)
    # A zip of the folder itself has one top folder holding the student folders.
    entries = list(_visible(target))
    if len(entries) == 1 and entries[0].is_dir() and not any(entries[0].glob("*.ipynb")):
        return entries[0]
    return target

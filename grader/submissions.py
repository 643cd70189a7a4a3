"""Finds the notebooks in a class's submissions: a folder or .zip, in any LMS layout.

:mod:`grader.layouts` reads who submitted what from the file names (``folders``:
``<student_id>/<NN_slug>.ipynb``; Canvas, Moodle, Google Classroom downloads; a
regex). This module picks one notebook per (student, assignment) and turns
everything else into a :class:`~grader.results.Result` row that says why it was
not graded.

Example:
    >>> found = collect(Path("canvas_download.zip"), {"01_mental_model"}, workdir)
    >>> found.layout, [(s.student, s.assignment, s.name) for s in found.submissions]
    ('canvas', [('12345', '01_mental_model', 'lovelaceada')])
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import zipfile
from pathlib import Path

from . import layouts
from .results import Result

# Colab and browsers rename downloads: "Copy of 01_x.ipynb", "01_x (1).ipynb".
_RENAMED = re.compile(r"^(?:Copy of )*(?P<stem>.+?)(?: ?\(\d+\))?$")

# Statuses of files that are not submissions: their rows never carry a score.
NOT_SUBMISSIONS = frozenset(
    {"unknown_assignment", "not_a_notebook", "duplicate", "empty", "unexpected_folder", "not_in_student_folder"}
    | {"unrecognised_name"}
)


@dataclasses.dataclass(frozen=True)
class Submission:
    student: str
    assignment: str
    path: Path
    name: str = ""
    late: bool = False
    handle: str = ""  # the LMS download's prefix for this student (see grader.layouts)

    def sha256(self) -> str:
        return hashlib.sha256(self.path.read_bytes()).hexdigest()


@dataclasses.dataclass
class Found:
    submissions: list[Submission]
    problems: list[Result]
    layout: str = "folders"


def collect(source: Path, assignments: set[str], workdir: Path, layout: str | None = None) -> Found:
    """Lists gradable submissions in ``source`` and a row for everything else.

    A ``.zip`` is unpacked into ``workdir`` first. Dotfiles and ``__MACOSX`` are
    operating-system litter and are skipped silently.
    """
    root = unpack(source, workdir) if source.suffix == ".zip" else source
    layout = layout or layouts.detect(root)
    found = Found([], [], layout)
    by_student: dict[str, list[layouts.Entry]] = {}
    for entry in layouts.read(root, layout):
        if entry.problem:
            found.problems.append(_problem(entry, _stem(entry.filename), entry.problem, entry.detail))
        else:
            by_student.setdefault(entry.student, []).append(entry)
    for entries in by_student.values():
        _choose(entries, assignments, found)
    return found


def _choose(entries: list[layouts.Entry], assignments: set[str], found: Found) -> None:
    """One notebook per assignment of a student; the exact name wins over "Copy of" and "(1)"."""
    chosen: dict[str, Submission] = {}
    for entry in sorted(entries, key=lambda e: e.filename):
        if not entry.filename.endswith(".ipynb"):
            found.problems.append(
                _problem(entry, _stem(entry.filename), "not_a_notebook", f"{entry.filename} is not an .ipynb notebook")
            )
            continue
        stem = _stem(entry.filename)
        assignment = _RENAMED.match(stem)["stem"]
        if assignment not in assignments:
            why = f"no assignment is called {stem!r}; expected one of {sorted(assignments)}"
            found.problems.append(_problem(entry, stem, "unknown_assignment", why))
            continue
        sub = Submission(entry.student, assignment, entry.path, entry.name, entry.late, entry.handle)
        previous = chosen.get(assignment)
        if previous is None or stem == assignment:
            if previous is not None:
                found.problems.append(_duplicate(entry, assignment, previous.path.name, entry.path.name))
            chosen[assignment] = sub
        else:
            found.problems.append(_duplicate(entry, assignment, entry.path.name, previous.path.name))
    found.submissions.extend(chosen.values())


def _stem(filename: str) -> str:
    return filename.removesuffix(".ipynb")


def _duplicate(entry: layouts.Entry, assignment: str, ignored: str, graded: str) -> Result:
    why = f"{ignored} was not graded: {graded} is graded for this assignment"
    return _problem(entry, assignment, "duplicate", why)


def _problem(entry: layouts.Entry, assignment: str, status: str, detail: str) -> Result:
    if not entry.student:  # a file the layout could not read: say which
        assignment = ""
        detail = f"{entry.path.name}: {detail}"
    return Result(entry.student, assignment, 0.0, 0.0, status, detail, name=entry.name, late=entry.late)


def unpack(archive: Path, workdir: Path) -> Path:
    """Extracts a zip safely (no path may escape workdir) and finds its root."""
    target = workdir / "unzipped"
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            if Path(info.filename).is_absolute() or ".." in Path(info.filename).parts:
                raise ValueError(f"{archive} holds an unsafe path: {info.filename!r}")
        zf.extractall(target)
    # A zip of the folder itself has one top folder holding the student folders.
    entries = layouts.visible(target)
    if len(entries) == 1 and entries[0].is_dir() and not _is_student_folder(entries[0]):
        return entries[0]
    return target


def _is_student_folder(folder: Path) -> bool:
    """A folder holding notebooks (or a Moodle submission folder) is a student's, not the class's."""
    return any(folder.glob("*.ipynb")) or bool(re.search(r"_\d+_assignsubmission_", folder.name))

"""Reads who submitted what from the file names of an LMS's "download submissions".

Each layout turns the files of an unpacked download into :class:`Entry` rows: the
LMS's own student id, the file name the student gave, the student's name, lateness,
and the download's prefix (``handle``) that the LMS needs again to attach feedback.

=============  ==============================================================
``folders``    ``<student_id>/<NN_slug>.ipynb``
``canvas``     ``lovelaceada_12345_90001_01_mental_model.ipynb``, ``..._LATE_...``,
               ``anon_<id>_<file id>_...``, resubmissions ``..._model-1.ipynb``
``moodle``     ``Ada Lovelace_700001_assignsubmission_file/01_x.ipynb`` (folders)
               or ``Ada Lovelace_700001_assignsubmission_file_01_x.ipynb`` (flat)
``classroom``  ``Ada Lovelace - 01_x.ipynb`` (Google Classroom/Drive), or a
               folder per student named after them
``regex:P``    ``P`` matched (``re.match``) against each file's path in the
               download, with named groups ``student_id`` and ``file_id`` and
               optionally ``first_name``, ``last_name``, ``email`` (nbgrader's
               ``FileNameCollector`` convention)
=============  ==============================================================

Example:
    >>> entries = read(Path("download"), detect(Path("download")))
    >>> [(e.student, e.filename, e.name, e.late) for e in entries]
    [('12345', '01_mental_model.ipynb', 'lovelaceada', False)]
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

LAYOUTS = ("folders", "canvas", "moodle", "classroom")

# Canvas: <sortable name>_[LATE_]<user id>_<attachment id>_<file name>; anonymous
# grading writes anon_<anonymous id> instead of the name and user id.
_CANVAS = re.compile(r"^(?P<sortable>[^_]+)_(?P<late>LATE_)?(?P<user>\d+)_(?P<file_id>\d+)_(?P<filename>.+)$")
_CANVAS_ANON = re.compile(r"^anon_(?P<anon>[A-Za-z0-9]+)_(?P<late>LATE_)?(?P<file_id>\d+)_(?P<filename>.+)$")
_CANVAS_RESUBMITTED = re.compile(r"^(?P<stem>.+)-\d+(?P<suffix>\.ipynb)$")
# Moodle: <full name>_<participant id>_assignsubmission_<plugin>[_<file name>]
_MOODLE_DIR = re.compile(r"^(?P<name>.+?)_(?P<pid>\d+)_assignsubmission_(?P<plugin>[a-z]+)_?$")
_MOODLE_FILE = re.compile(r"^(?P<name>.+?)_(?P<pid>\d+)_assignsubmission_(?P<plugin>[a-z]+)_(?P<filename>.+)$")
# Google Drive names a student's copy "<student name> - <title>".
_CLASSROOM = re.compile(r"^(?P<name>.+?) - (?P<filename>.+)$")
_SAFE_ID = re.compile(r"^[\w.@+-]+$")


@dataclasses.dataclass(frozen=True)
class Entry:
    """One file (or empty folder) of a download, and what its name says.

    ``student`` is '' and ``problem`` a status word when the name says nothing usable.
    """

    path: Path
    student: str
    filename: str
    name: str = ""
    late: bool = False
    handle: str = ""  # the download's prefix for this student, to name feedback files
    problem: str = ""
    detail: str = ""


def detect(root: Path) -> str:
    """The layout that places the most files under ``root`` with a student (ties: the most specific).

    An LMS layout counts only where some name carries that LMS's marks (a Canvas or
    Moodle prefix, a Drive "Name - " prefix), so plain folders stay ``folders``.
    """
    scores = {}
    for layout in ("moodle", "canvas", "classroom", "folders"):
        entries = read(root, layout)
        marked = layout == "folders" or any(e.handle or (not e.problem and e.filename != e.path.name) for e in entries)
        scores[layout] = sum(bool(e.student) for e in entries) if marked else 0
    best = max(scores, key=lambda layout: scores[layout])  # the first of equals: the most specific
    return best if scores[best] else "folders"


def read(root: Path, layout: str) -> list[Entry]:
    """Every file under ``root`` as an :class:`Entry`, read as ``layout``."""
    if layout.startswith("regex:"):
        return _regex(root, compile_pattern(layout.removeprefix("regex:")))
    readers = {"folders": _folders, "canvas": _canvas, "moodle": _moodle, "classroom": _classroom}
    if layout not in readers:
        raise ValueError(f"unknown layout {layout!r}: expected one of {', '.join(LAYOUTS)} or regex:PATTERN")
    return list(readers[layout](root))


def compile_pattern(pattern: str) -> re.Pattern:
    """The regex of ``--layout regex:PATTERN``; it must name ``student_id`` and ``file_id``."""
    compiled = re.compile(pattern)
    missing = {"student_id", "file_id"} - set(compiled.groupindex)
    if missing:
        raise ValueError(f"the pattern needs the named groups {sorted(missing)}, e.g. (?P<student_id>...)")
    return compiled


def visible(folder: Path) -> list[Path]:
    """A folder's entries without operating-system litter (dotfiles, ``__MACOSX``)."""
    return sorted(p for p in folder.iterdir() if not p.name.startswith((".", "~")) and p.name != "__MACOSX")


def safe_id(name: str) -> str:
    """A student id usable as a folder name: ``"Ada Lovelace"`` -> ``"Ada_Lovelace"``."""
    return name if _SAFE_ID.match(name) else re.sub(r"[^\w.@+-]+", "_", name).strip("_") or "unnamed"


def _folders(root: Path) -> Iterator[Entry]:
    for entry in visible(root):
        if entry.is_dir():
            student = safe_id(entry.name)
            name = entry.name if student != entry.name else ""
            yield from _student_folder(entry, student, name)
        else:
            yield _unrecognised(entry, "not_in_student_folder", "files must sit in a folder named after the student")


def _student_folder(folder: Path, student: str, name: str = "", handle: str = "", strip=None) -> Iterator[Entry]:
    files = visible(folder)
    if not files:
        yield Entry(folder, student, "", name, problem="empty", detail="the student's folder holds no notebook")
    for path in files:
        if path.is_dir():
            why = "folders inside a student's folder are not graded"
            yield Entry(path, student, path.name, name, handle=handle, problem="unexpected_folder", detail=why)
        else:
            filename = strip(path.name) if strip else path.name
            yield Entry(path, student, filename, name, handle=handle)


def _canvas(root: Path) -> Iterator[Entry]:
    for path in visible(root):
        if path.is_dir():
            yield _unrecognised(path, "unexpected_folder", "a Canvas download holds no folders")
            continue
        m = _CANVAS_ANON.match(path.name) or _CANVAS.match(path.name)
        if not m:
            yield _unrecognised(path, "unrecognised_name", "not a Canvas download name (name_userid_fileid_file)")
            continue
        student = f"anon_{m['anon']}" if "anon" in m.groupdict() else m["user"]
        name = "" if "anon" in m.groupdict() else m["sortable"]
        handle = path.name[: m.start("filename")]
        yield Entry(path, student, _canvas_filename(m["filename"]), name, bool(m["late"]), handle)


def _canvas_filename(filename: str) -> str:
    """Canvas renames a re-uploaded ``x.ipynb`` to ``x-1.ipynb``: the assignment is ``x``."""
    m = _CANVAS_RESUBMITTED.match(filename)
    return m["stem"] + m["suffix"] if m else filename


def _moodle(root: Path) -> Iterator[Entry]:
    for path in visible(root):
        m = (_MOODLE_DIR if path.is_dir() else _MOODLE_FILE).match(path.name)
        if not m:
            yield _unrecognised(
                path, "unrecognised_name", "not a Moodle download name (Full Name_id_assignsubmission_)"
            )
            continue
        handle = f"{m['name']}_{m['pid']}_assignsubmission_{m['plugin']}_"
        if path.is_dir():
            yield from _student_folder(path, m["pid"], m["name"], handle)
        else:
            yield Entry(path, m["pid"], m["filename"], m["name"], handle=handle)


def _classroom(root: Path) -> Iterator[Entry]:
    def strip(filename: str) -> str:
        m = _CLASSROOM.match(filename)
        return m["filename"] if m else filename

    for path in visible(root):
        if path.is_dir():
            yield from _student_folder(path, safe_id(path.name), path.name, strip=strip)
            continue
        m = _CLASSROOM.match(path.name)
        if not m:
            yield _unrecognised(path, "unrecognised_name", "not a Google Drive copy name ('Student Name - title')")
            continue
        yield Entry(path, safe_id(m["name"]), m["filename"], m["name"])


def _regex(root: Path, pattern: re.Pattern) -> list[Entry]:
    entries = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root)
        if any(part.startswith(".") or part == "__MACOSX" for part in rel.parts):
            continue
        m = pattern.match(rel.as_posix())
        if not m or not m["student_id"] or not m["file_id"]:
            entries.append(_unrecognised(path, "unrecognised_name", f"{rel} does not match {pattern.pattern!r}"))
            continue
        groups = m.groupdict()
        name = " ".join(filter(None, (groups.get("first_name"), groups.get("last_name")))) or groups.get("email") or ""
        entries.append(Entry(path, safe_id(m["student_id"]), Path(m["file_id"]).name, name))
    return entries


def _unrecognised(path: Path, status: str, detail: str) -> Entry:
    return Entry(path, "", path.name, problem=status, detail=detail)

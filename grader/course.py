"""The course on disk: solutions (nbgrader source) and their generated exercises.

Example:
    >>> course = Course.from_repo()
    >>> course.assignments()
    ['01_mental_model']
    >>> release(course, ["01_mental_model"], workdir)  # an nbgrader course in workdir
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import shutil
from pathlib import Path

from traitlets.config import Config

REPO_ROOT = Path(__file__).resolve().parent.parent
# Authoring files that must never reach a student (e.g. a paired solution .md).
IGNORED = [".ipynb_checkpoints", "*.pyc", "__pycache__", "*.md", "*.py", "gradebook.db"]


@dataclasses.dataclass(frozen=True)
class Course:
    """Where the nbgrader sources and the released exercises live."""

    solutions: Path
    exercises: Path

    @classmethod
    def from_repo(cls, root: Path = REPO_ROOT) -> Course:
        return cls(solutions=root / "solutions", exercises=root / "exercises")

    def assignments(self) -> list[str]:
        """Assignment ids: folders ``NN_slug`` holding ``NN_slug.ipynb``."""
        return sorted(d.name for d in self.solutions.iterdir() if (d / f"{d.name}.ipynb").is_file())


def nbgrader_config(course_root: Path) -> Config:
    """An nbgrader configuration for a course folder with its own gradebook."""
    c = Config()
    c.CourseDirectory.root = str(course_root)
    c.CourseDirectory.db_url = f"sqlite:///{course_root / 'gradebook.db'}"
    c.CourseDirectory.ignore = IGNORED
    return c


def nbgrader_api(config: Config):
    """nbgrader's own API object for the course that ``config`` describes."""
    import nbgrader.api
    from nbgrader.apps.api import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    nbgrader.api.get_alembic_version = alembic_head
    api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
    api.log.setLevel(logging.WARNING)
    return api


@functools.cache
def alembic_head() -> str:
    """The gradebook schema version nbgrader stamps on a new gradebook.

    nbgrader learns it by running ``alembic heads`` in a subprocess, which imports
    nbgrader again: 3.6 s for every gradebook it creates. Alembic answers the same
    question in-process from nbgrader's migration scripts.
    """
    import nbgrader
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(Path(nbgrader.__file__).parent / "alembic")).get_current_head()


def release(course: Course, assignment_ids: list[str], course_root: Path) -> Path:
    """Runs ``nbgrader generate_assignment`` into a fresh nbgrader course.

    ``course_root`` gets ``source/``, ``release/`` and ``gradebook.db``: everything
    autograding needs. Returns the ``release`` folder.
    """
    course_root.mkdir(parents=True, exist_ok=True)
    api = nbgrader_api(nbgrader_config(course_root))
    for assignment in assignment_ids:
        source = course_root / "source" / assignment
        shutil.copytree(course.solutions / assignment, source, ignore=shutil.ignore_patterns(*IGNORED))
        result = api.generate_assignment(assignment)
        if not result["success"]:
            raise RuntimeError(f"nbgrader could not release {assignment}:\n{result.get('error') or result.get('log')}")
    return course_root / "release"


def write_exercises(course: Course, assignment_ids: list[str], workdir: Path) -> None:
    """Regenerates ``exercises/<id>/`` from ``solutions/<id>/`` for each id."""
    released = release(course, assignment_ids, workdir)
    for assignment in assignment_ids:
        target = course.exercises / assignment
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(released / assignment, target)

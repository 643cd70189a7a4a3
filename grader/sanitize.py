"""Turns what a learner uploads into a notebook nbgrader can grade, or says why it cannot.

Colab keeps a cell's metadata when the cell is copied and ignores nbgrader's
``deletable``/``editable``, so an honest learner who copied a test cell to experiment
hands in two cells with one grade id. nbgrader would keep the last and blank the
metadata of the others, which its own checks then reject (the whole notebook scores 0).
Here the last cell of each grade id is graded, as in nbgrader, and the earlier copies
become ordinary cells of the learner's: they still run, they earn nothing, and the
grade's detail names them.

Example:
    >>> check_notebook(Path("ada/01_mental_model.ipynb"))
    ''
    >>> copy_for_grading(Path("ada/01_mental_model.ipynb"), Path("submitted/01_mental_model.ipynb"))
    ['q1_visible']
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat


def check_notebook(path: Path) -> str:
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


def copy_for_grading(source: Path, target: Path) -> list[str]:
    """Writes ``source`` to ``target`` with duplicated grade ids resolved; the copies' ids."""
    nb = nbformat.read(source, as_version=4)
    seen: set[str] = set()
    copies = []
    for cell in reversed(nb.cells):  # the last cell of an id is the graded one, as in nbgrader
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id is None:
            continue
        if grade_id in seen:
            del cell.metadata["nbgrader"]
            copies.append(grade_id)
        seen.add(grade_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)
    return sorted(set(copies))

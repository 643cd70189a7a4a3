"""What makes the grader fast, checked for correctness: the compile cache, the feedback
exporter kept per worker, and the gradebook stamped without a subprocess.
(How fast it is, is measured by benchmarks/grade_vs_nbgrader.py, not asserted here.)"""

from __future__ import annotations

import json
import shutil
import stat
import sys

import nbformat
import pytest
from conftest import REPO, run

from grader.autograde import Limits, config_for
from grader.compile_cache import reader_config, unseal, warm
from grader.course import Course, alembic_head, nbgrader_api, release
from grader.feedback import feedback_html, steps

ASSIGNMENT = "01_mental_model"

# Compiles one program in a fresh process with the given jax options; prints what JAX's
# persistent cache reported and how many entries the cache folder holds afterwards.
PROBE = """
import json, sys
import jax, jax.numpy as jnp
hits = []
jax.monitoring.register_event_listener(lambda event, **kw: hits.append(event))
for name, value in json.loads(sys.argv[1]).items():
    jax.config.update(name, value)
jax.jit(lambda x: jnp.sin(x) * 3.0 + x.sum())(jnp.arange(5.0)).block_until_ready()
print(json.dumps({"hit": "/jax/compilation_cache/cache_hits" in hits}))
"""


@pytest.fixture(scope="module")
def warmed(tmp_path_factory):
    """A cache warmed by a one-cell 'solution' that compiles the probe's program."""
    folder = tmp_path_factory.mktemp("warm")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import jax, jax.numpy as jnp\n" + PROBE.split("\n")[-3])]
    nbformat.write(nb, folder / "solution.ipynb")
    cache = folder / "cache" / ASSIGNMENT
    error = warm(folder / "solution.ipynb", cache)
    yield cache, error
    unseal(cache.parent)


def probe(jax_config: dict) -> dict:
    return json.loads(run(sys.executable, "-c", PROBE, json.dumps(jax_config)).stdout)


def test_the_solution_fills_the_cache_and_seals_it(warmed):
    cache, error = warmed
    assert error == ""
    assert stat.S_IMODE(cache.stat().st_mode) == 0o111, "entries open by name only: nobody can list them"
    cache.chmod(0o700)
    try:
        assert any(cache.iterdir()), "the solution's programs are in the cache"
    finally:
        cache.chmod(0o111)


def test_a_kernel_reading_the_cache_finds_the_solutions_programs(warmed):
    cache, _ = warmed
    assert probe(reader_config(cache))["hit"]
    assert not probe({})["hit"], "without the cache the same program is compiled from scratch"


def test_a_reader_never_writes_to_the_cache(warmed, tmp_path):
    cache, _ = warmed
    copy = tmp_path / "copy"
    cache.chmod(0o700)
    try:
        shutil.copytree(cache, copy)
    finally:
        cache.chmod(0o111)
    before = sorted(p.name for p in copy.iterdir())
    run(sys.executable, "-c", PROBE.replace("x.sum()", "x.max()"), json.dumps(reader_config(copy)))
    assert sorted(p.name for p in copy.iterdir()) == before


def test_a_failing_solution_is_reported(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("assert 1 + 1 == 3, 'arithmetic'")]
    nbformat.write(nb, tmp_path / "solution.ipynb")
    error = warm(tmp_path / "solution.ipynb", tmp_path / "cache")
    unseal(tmp_path / "cache")
    assert error.startswith("AssertionError: arithmetic")


def test_feedback_is_nbgraders_generate_feedback_byte_for_byte(tmp_path):
    """Our long-lived exporter renders exactly what `nbgrader generate_feedback` does."""
    release(Course.from_repo(), [ASSIGNMENT], tmp_path)
    submitted = tmp_path / "submitted" / "ada" / ASSIGNMENT
    submitted.mkdir(parents=True)
    shutil.copy(REPO / "exercises" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", submitted)  # fails every test
    config = config_for(tmp_path, Limits(), tmp_path / "kernel", ())
    assert nbgrader_api(config).autograde(ASSIGNMENT, "ada")["success"]
    config.GenerateFeedback.preprocessors = steps()
    api = nbgrader_api(config)
    assert api.generate_feedback(ASSIGNMENT, "ada")["success"]
    theirs = (tmp_path / "feedback" / "ada" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
    autograded = nbformat.read(tmp_path / "autograded" / "ada" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", 4)
    ours = feedback_html(autograded, api.coursedir.db_url, "ada", ASSIGNMENT)
    assert ours == theirs
    assert "BEGIN HIDDEN TESTS" not in ours and "a hidden test failed" in ours


def test_the_gradebook_schema_version_is_what_alembic_reports():
    """nbgrader asks `alembic heads` in a subprocess; we ask alembic in-process."""
    from nbgrader.api import _temp_alembic_ini

    with _temp_alembic_ini("sqlite:////tmp/unused.db") as ini:
        reported = run(sys.executable, "-m", "alembic", "-c", ini, "heads").stdout.split()[0]
    assert alembic_head() == reported

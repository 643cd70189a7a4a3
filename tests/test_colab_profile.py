"""Every chapter and solution also runs on Colab's versions (jax 0.7.2, flax 0.11.2,
optax 0.2.8), executed by nbval in the .venv-colab environment that `make test` builds.

Colab itself runs Python 3.13; this profile runs on the local Python (3.11 in CI), so it
checks the library versions, not the interpreter.
"""

from __future__ import annotations

import pytest
from conftest import COLAB_PYTHON, REPO, assignment_ids, chapter_ids, run

NOTEBOOKS = [f"book/{c}.ipynb" for c in chapter_ids()] + [f"solutions/{a}/{a}.ipynb" for a in assignment_ids()]


@pytest.fixture(scope="module")
def colab_python():
    assert COLAB_PYTHON.exists(), "the Colab profile is missing: run `make colab-setup`"
    return COLAB_PYTHON


def test_profile_has_colabs_versions(colab_python):
    from test_environment import pins

    code = "import jax, flax, optax; print(jax.__version__, flax.__version__, optax.__version__)"
    versions = run(colab_python, "-c", code).stdout.split()
    wanted = pins(REPO / "colab-profile.txt")
    assert versions == [wanted["jax"], wanted["flax"], wanted["optax"]]


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_runs_on_colab_versions(colab_python, notebook):
    run(colab_python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=", "--nbval-lax", notebook)

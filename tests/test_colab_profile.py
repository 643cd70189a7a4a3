"""Every chapter and solution also runs on Colab's versions (jax 0.7.2, flax 0.11.2,
optax 0.2.8, and Colab's numpy, matplotlib, scikit-learn and ipykernel), executed by
nbval in the .venv-colab environment that `make colab-setup` builds on CPython 3.13,
Colab's interpreter, where this machine has it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import COLAB_PYTHON, REPO, assignment_ids, chapter_ids, run

# Colab's interpreter as these machines have it (pyenv); the Makefile builds the profile on it.
COLAB_INTERPRETER = Path("/root/.pyenv/versions/3.13.0/bin/python3.13")
NOTEBOOKS = [f"book/{c}.ipynb" for c in chapter_ids()] + [f"solutions/{a}/{a}.ipynb" for a in assignment_ids()]


@pytest.fixture(scope="module")
def colab_python():
    assert COLAB_PYTHON.exists(), "the Colab profile is missing: run `make colab-setup`"
    return COLAB_PYTHON


def test_profile_has_colabs_versions(colab_python):
    from test_environment import pins

    wanted = pins(REPO / "colab-profile.txt")
    assert set(wanted) >= {"jax", "jaxlib", "flax", "optax", "numpy", "matplotlib", "scikit-learn", "ipykernel"}
    code = "import sys, importlib.metadata as m; print(*(m.version(n) for n in sys.argv[1:]))"
    installed = run(colab_python, "-c", code, *wanted).stdout.split()
    assert dict(zip(wanted, installed, strict=True)) == wanted


def test_profile_runs_on_colabs_python(colab_python):
    version = run(colab_python, "-c", "import sys; print(*sys.version_info[:2])").stdout.split()
    if not COLAB_INTERPRETER.exists():
        pytest.skip(f"{COLAB_INTERPRETER} is absent: the profile runs on Python {'.'.join(version)}")
    assert version == ["3", "13"], "rebuild the profile: `make colab-setup` (it uses Colab's Python 3.13)"


def test_makefile_builds_the_profile_on_that_python():
    makefile = (REPO / "Makefile").read_text()
    assert f"COLAB_PYTHON ?= {COLAB_INTERPRETER}" in makefile


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_runs_on_colab_versions(colab_python, notebook):
    run(colab_python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=", "--nbval-lax", notebook)

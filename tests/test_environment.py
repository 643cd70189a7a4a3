"""The pins: one lock file, mirrored by environment.yml, and the Colab profile."""

from __future__ import annotations

import re
from importlib import metadata

import yaml
from conftest import REPO

PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==(\S+)$")


def pins(path) -> dict[str, str]:
    """``name -> version`` for every ``name==version`` line of a requirements file."""
    found = {}
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            match = PIN.match(line)
            assert match, f"{path.name}: {line!r} is not pinned with =="
            found[canonical(match[1])] = match[2]
    return found


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_environment_yml_mirrors_requirements():
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    deps = env["dependencies"]
    pip_lists = [d["pip"] for d in deps if isinstance(d, dict)]
    assert len(pip_lists) == 1
    conda = sorted(d.split("=")[0] for d in deps if isinstance(d, str))
    assert conda == ["pip", "python"], "conda-forge is not reachable here: keep conda deps to python and pip"
    from_yml = {canonical(PIN.match(p)[1]): PIN.match(p)[2] for p in pip_lists[0]}
    assert from_yml == pins(REPO / "requirements.txt")


def test_lock_honours_the_direct_pins():
    locked = pins(REPO / "requirements.txt")
    for name, version in pins(REPO / "requirements.in").items():
        assert locked.get(name) == version, f"{name}: requirements.in says {version}, lock has {locked.get(name)}"


def test_this_environment_is_the_lock():
    for name, version in pins(REPO / "requirements.txt").items():
        assert metadata.version(name) == version, f"{name} {metadata.version(name)} installed, {version} locked"


def test_colab_profile_pins_colabs_jax_stack():
    colab = pins(REPO / "colab-profile.txt")
    assert {k: colab[k] for k in ("jax", "jaxlib", "flax", "optax")} == {
        "jax": "0.7.2",
        "jaxlib": "0.7.2",
        "flax": "0.11.2",
        "optax": "0.2.8",
    }


def test_python_code_is_ruff_clean():
    from conftest import BIN, run

    run(BIN / "ruff", "check", REPO)
    run(BIN / "ruff", "format", "--check", REPO)

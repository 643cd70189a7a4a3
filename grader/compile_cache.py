"""A JAX compilation cache made by the reference solution and read, never written, by students.

Most of an exercise's run time is XLA compiling the same small programs again for every
student: the hidden tests' reference optimizers, the setup, and every answer that traces
to the same program as the solution. Before an assignment is graded, :func:`warm` runs its
solution notebook once, in a trusted kernel, with JAX's persistent compilation cache on.
Students' kernels then get :func:`reader_config`: they look programs up in the cache and
write nothing to it.

The cache holds compiled solutions, so students must not browse it. :func:`seal` makes its
folder ``--x`` (mode 0o111) and the sandbox mounts them read-only: a kernel can open an
entry only by its name, a hash of the exact program it holds, so it finds only what it
was about to compile itself.

Example:
    >>> warm(Path("course/source/01_mental_model/01_mental_model.ipynb"), Path("cache/01_mental_model"))
    ''
    >>> reader_config(Path("cache/01_mental_model"))  # for the students' kernels
"""

from __future__ import annotations

import os
from pathlib import Path

import nbformat

# The same in the writer and the readers, so that both compute the same cache keys. XLA's
# own caches (GPU autotuning) would try to write into the read-only folder: off.
_SHARED = {"jax_persistent_cache_enable_xla_caches": "none"}


def writer_config(cache: Path) -> dict:
    """JAX options that store every compiled program in ``cache``, however quick to compile."""
    return {
        **_SHARED,
        "jax_compilation_cache_dir": str(cache),
        "jax_persistent_cache_min_compile_time_secs": 0.0,
        "jax_persistent_cache_min_entry_size_bytes": -1,
    }


def reader_config(cache: Path) -> dict:
    """JAX options that look programs up in ``cache`` and never write one."""
    return {
        **_SHARED,
        "jax_compilation_cache_dir": str(cache),
        "jax_persistent_cache_min_compile_time_secs": 1e9,
    }


def warm(notebook: Path, cache: Path, timeout: int = 600) -> str:
    """Runs ``notebook`` (trusted: the solution) once, filling ``cache``, then seals it.

    Returns '' when every cell ran, or the first error, which means the reference
    solution fails on this machine and the instructor should know.
    """
    from nbclient import NotebookClient

    cache.mkdir(parents=True, exist_ok=True)
    nb = nbformat.read(notebook, as_version=4)
    env = {**os.environ, **{name.upper(): str(value) for name, value in writer_config(cache).items()}}
    try:
        NotebookClient(nb, timeout=timeout, allow_errors=True, kernel_name="python3").execute(
            cwd=str(notebook.parent), env=env
        )
    finally:
        seal(cache)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                return f"{output.ename}: {output.evalue}"
    return ""


def seal(cache: Path) -> None:
    """Makes ``cache`` traversable but not listable (mode 0o111): entries open by name only."""
    cache.chmod(0o111)


def unseal(cache_root: Path) -> None:
    """Undoes :func:`seal` on every folder of ``cache_root``, so that it can be deleted."""
    for folder in (cache_root, *(p for p in cache_root.glob("*") if p.is_dir())):
        folder.chmod(0o700)

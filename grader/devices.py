"""Accelerators for the students' kernels: the device nodes the sandbox passes in, and the
GPU and share of its memory each grading worker's kernels get.

The sandbox mounts a minimal ``/dev`` of its own. On a GPU machine the kernels also need
the driver's nodes (``/dev/nvidiactl``, ``/dev/nvidia-uvm``, ``/dev/nvidiaN``, …), and on a
TPU VM ``/dev/accel*`` and ``/dev/vfio/*``: exactly those are bound in, nothing else of
the host's ``/dev``. Workers are spread over the GPUs (``CUDA_VISIBLE_DEVICES``); the
workers that share a GPU split 90% of its memory (``XLA_PYTHON_CLIENT_MEM_FRACTION``,
with preallocation off so that a kernel holds only what it uses), unless
``--gpu-memory`` says otherwise. The compile cache's warm-up runs in a worker too, so
its programs are compiled for the device kind the students' kernels use.

Example:
    >>> found = detect("gpu")
    >>> found.platform, len(found.nodes), found.gpus
    ('gpu', 6, 2)
    >>> worker_env(slot=3, jobs=4, gpus=2)
    {'CUDA_VISIBLE_DEVICES': '1', 'XLA_PYTHON_CLIENT_MEM_FRACTION': '0.450', 'XLA_PYTHON_CLIENT_PREALLOCATE': 'false'}
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

GPU_NODES = re.compile(r"^nvidia(\d+|ctl|-uvm|-uvm-tools|-modeset|-caps/.+)$")
TPU_NODES = re.compile(r"^(accel\d+|vfio/.+)$")
GPU_MEMORY_SHARED = 0.9  # of each GPU, split between the workers on it


@dataclasses.dataclass(frozen=True)
class Accelerators:
    platform: str = "cpu"  # "cpu", "gpu" or "tpu"
    nodes: tuple[tuple[str, str], ...] = ()  # (on the host, in the sandbox) for each device node
    gpus: int = 0

    @property
    def memory_limit(self) -> str:
        """How ``--memory`` is enforced (see :func:`grader.zygote._drop_privileges`):
        ``data`` (RLIMIT_DATA alone) with an accelerator, whose runtime reserves far more
        address space than it uses; ``as`` (RLIMIT_DATA and an address-space backstop)
        without one."""
        return "data" if self.nodes else "as"


def detect(platform: str = "", dev: Path = Path("/dev")) -> Accelerators:
    """The accelerators under ``dev`` for ``platform`` ("" detects: a GPU, a TPU, or none).

    Asking for ``gpu`` or ``tpu`` on a machine without one is an error the caller reports.
    """
    gpu = _nodes(dev, GPU_NODES)
    tpu = _nodes(dev, TPU_NODES)
    wanted = platform.split(",")[0].strip().lower() if platform else ("gpu" if gpu else "tpu" if tpu else "cpu")
    wanted = {"cuda": "gpu", "rocm": "gpu"}.get(wanted, wanted)
    if wanted == "gpu":
        if not gpu:
            raise ValueError(f"--platform gpu, but there is no /dev/nvidia* device under {dev}")
        count = sum(bool(re.fullmatch(r"nvidia\d+", p.name)) for p in gpu)
        return Accelerators("gpu", _pairs(gpu, dev), count)
    if wanted == "tpu":
        if not tpu:
            raise ValueError(f"--platform tpu, but there is no /dev/accel* or /dev/vfio device under {dev}")
        return Accelerators("tpu", _pairs(tpu, dev))
    return Accelerators()


def _nodes(dev: Path, pattern: re.Pattern) -> list[Path]:
    if not dev.is_dir():
        return []
    found = [p for p in dev.rglob("*") if pattern.match(p.relative_to(dev).as_posix()) and not p.is_dir()]
    return sorted(found)


def worker_env(slot: int, jobs: int, gpus: int, gpu_memory: float | None = None) -> dict[str, str]:
    """The environment of worker ``slot`` (0-based) of ``jobs`` on a machine with ``gpus`` GPUs."""
    if gpus <= 0:
        return {}
    gpu = slot % gpus
    sharing = sum(1 for other in range(max(jobs, slot + 1)) if other % gpus == gpu)
    fraction = gpu_memory if gpu_memory else GPU_MEMORY_SHARED / sharing
    return {
        "CUDA_VISIBLE_DEVICES": str(gpu),
        "XLA_PYTHON_CLIENT_MEM_FRACTION": f"{fraction:.3f}",
        "XLA_PYTHON_CLIENT_PREALLOCATE": "false",
    }


def _pairs(nodes: list[Path], dev: Path) -> tuple[tuple[str, str], ...]:
    """Each node with where it appears inside the sandbox: under its own ``/dev``."""
    return tuple((str(p), str(Path("/dev") / p.relative_to(dev))) for p in nodes)

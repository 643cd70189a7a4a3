"""Accelerators in the sandbox, tested without one: fake device nodes made by the test,
and the environment each worker's kernels get (see grader/devices.py)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest
from conftest import REPO, run

from grader.devices import Accelerators, detect, worker_env
from grader.sandbox import HAVE_BWRAP, IS_ROOT, Sandbox

GPU_NODES = ["nvidia0", "nvidia1", "nvidiactl", "nvidia-uvm", "nvidia-uvm-tools", "nvidia-caps/nvidia-cap1"]


@pytest.fixture
def fake_dev(tmp_path):
    """A /dev with two GPUs' nodes (char devices with /dev/null's numbers: harmless) and
    nodes the sandbox must not pass on."""
    if not IS_ROOT:
        pytest.skip("mknod needs root")
    dev = tmp_path / "dev"
    for name in [*GPU_NODES, "sda", "nvme0", "kvm"]:
        (dev / name).parent.mkdir(parents=True, exist_ok=True)
        os.mknod(dev / name, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    return dev


def test_the_gpu_nodes_and_only_those_are_found(fake_dev):
    found = detect("gpu", fake_dev)
    assert found.platform == "gpu" and found.gpus == 2
    assert sorted(inside for _, inside in found.nodes) == sorted(f"/dev/{n}" for n in GPU_NODES)
    assert detect("", fake_dev).platform == "gpu", "a GPU is detected without --platform"
    assert found.memory_limit == "data" and Accelerators().memory_limit == "as"


def test_a_tpu_vms_nodes_are_found(tmp_path):
    """No TPU here: the nodes a TPU VM has (/dev/accel*, /dev/vfio/*), made by the test."""
    if not IS_ROOT:
        pytest.skip("mknod needs root")
    dev = tmp_path / "dev"
    for name in ["accel0", "accel1", "vfio/0", "vfio/vfio", "sda"]:
        (dev / name).parent.mkdir(parents=True, exist_ok=True)
        os.mknod(dev / name, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    found = detect("", dev)
    assert found.platform == "tpu" and found.memory_limit == "data"
    expected = ["/dev/accel0", "/dev/accel1", "/dev/vfio/0", "/dev/vfio/vfio"]
    assert sorted(inside for _, inside in found.nodes) == expected


def test_asking_for_an_accelerator_that_is_not_there_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="no /dev/nvidia"):
        detect("gpu", tmp_path)
    with pytest.raises(ValueError, match="no /dev/accel"):
        detect("tpu", tmp_path)
    assert detect("", tmp_path) == Accelerators()


def test_the_cli_refuses_gpu_on_a_machine_without_one(tmp_path):
    if detect("").platform == "gpu":
        pytest.skip("this machine has a GPU")
    proc = run(
        sys.executable, "-m", "grader", "grade", tmp_path, "--out", tmp_path / "o", "--platform", "gpu", check=False
    )
    assert proc.returncode == 2 and "no /dev/nvidia" in proc.stderr


@pytest.mark.skipif(not HAVE_BWRAP, reason="the sandbox needs bubblewrap")
def test_the_sandbox_shows_a_kernel_exactly_the_gpu_nodes(fake_dev, tmp_path):
    sandbox = Sandbox(work=tmp_path / "work", devices=detect("gpu", fake_dev).nodes)
    sandbox.work.mkdir()
    command = sandbox.wrap([sys.executable, "-c", "import os, json; print(json.dumps(sorted(os.listdir('/dev'))))"])
    binds = [command[i + 2] for i, arg in enumerate(command) if arg == "--dev-bind"]
    assert sorted(binds) == sorted(f"/dev/{n}" for n in GPU_NODES)
    seen = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    plain = {"console", "core", "fd", "full", "mqueue", "null", "ptmx", "pts", "random", "shm", "stderr", "stdin"}
    plain |= {"stdout", "tty", "urandom", "zero"}
    assert set(seen) - plain == {"nvidia0", "nvidia1", "nvidiactl", "nvidia-uvm", "nvidia-uvm-tools", "nvidia-caps"}


@pytest.mark.parametrize(
    "jobs,gpus,expected",
    [
        (1, 1, [("0", "0.900")]),
        (2, 1, [("0", "0.450"), ("0", "0.450")]),
        (4, 1, [("0", "0.225")] * 4),
        (1, 2, [("0", "0.900")]),
        (2, 2, [("0", "0.900"), ("1", "0.900")]),
        (4, 2, [("0", "0.450"), ("1", "0.450"), ("0", "0.450"), ("1", "0.450")]),
    ],
)
def test_workers_are_spread_over_the_gpus_and_share_their_memory(jobs, gpus, expected):
    envs = [worker_env(slot, jobs, gpus) for slot in range(jobs)]
    assert [(e["CUDA_VISIBLE_DEVICES"], e["XLA_PYTHON_CLIENT_MEM_FRACTION"]) for e in envs] == expected
    assert all(e["XLA_PYTHON_CLIENT_PREALLOCATE"] == "false" for e in envs)
    assert worker_env(0, jobs, gpus, gpu_memory=0.3)["XLA_PYTHON_CLIENT_MEM_FRACTION"] == "0.300"
    assert worker_env(0, jobs, 0) == {}, "no GPU: the kernels' environment is left alone"


def test_the_zygote_initialises_no_jax_backend_before_it_forks():
    code = (
        "from grader.zygote import warm_up; warm_up()\n"
        "import sys, jax._src.xla_bridge as xb\n"
        "assert 'jax' in sys.modules and 'optax' in sys.modules\n"
        "print(xb.backends_are_initialized())"
    )
    assert run(sys.executable, "-c", code, cwd=REPO).stdout.strip() == "False"


def test_the_accelerator_memory_limit_stops_a_memory_bomb_cleanly():
    """RLIMIT_DATA, the limit used with an accelerator, fails large allocations with MemoryError."""
    code = (
        "import resource, numpy as np\n"
        "resource.setrlimit(resource.RLIMIT_DATA, (2**31, 2**31))\n"
        "try:\n    np.ones(2**32)\nexcept MemoryError:\n    print('MemoryError')"
    )
    assert run(sys.executable, "-c", code).stdout.strip() == "MemoryError"


def test_a_kernel_whose_libraries_reserve_much_address_space_still_starts_and_is_limited():
    """A CUDA plugin maps its libraries (and CUDA reserves address space) before the first
    cell: the kernel's limits must leave that alone and still stop a memory bomb."""
    if not IS_ROOT:
        pytest.skip("the zygote's limits are set as root")
    code = (
        "import ctypes, numpy as np\n"
        "from grader.sandbox import kernel_uid\n"
        "from grader.zygote import _drop_privileges\n"
        "libc = ctypes.CDLL(None); libc.mmap.restype = ctypes.c_void_p\n"
        "c = ctypes\n"
        "libc.mmap.argtypes = [c.c_void_p, c.c_size_t, c.c_int, c.c_int, c.c_int, c.c_long]\n"
        "assert libc.mmap(None, 16 * 2**30, 0, 0x22, -1, 0) != 2**64 - 1  # PROT_NONE: like CUDA's reservation\n"
        "_drop_privileges({'memory_mb': 1024, 'memory_limit': 'as', 'max_processes': 256, 'uid': kernel_uid(7)})\n"
        "small = np.ones(2**24)  # 128 MB: fine\n"
        "try:\n    np.ones(2**28)  # 2 GB: over the limit\nexcept MemoryError:\n    print('limited')"
    )
    assert run(sys.executable, "-c", code, cwd=REPO).stdout.strip() == "limited"

"""Runs the students' kernels in a sandbox, with limits.

With Debian's ``bwrap`` (bubblewrap) the kernel sees a read-only root, an empty ``/tmp``,
no network (it talks to the grader over Unix sockets, jupyter's ``ipc`` transport), and
empty folders in place of the hidden paths: the other submissions, the results, the
course (gradebook, hidden tests) and the repository's solutions. It can write only in its
own work folder. Each grading worker keeps one sandbox, in which a zygote
(:mod:`grader.zygote`) forks a fresh kernel per submission; run as root, the zygote keeps
root and each kernel gets a uid of its own (:func:`kernel_uid`), its memory and process
limits, and a private IPC namespace (see :mod:`grader.zygote` for why this is the privilege
separation we chose). Between two kernels the work folder is emptied and every process
the last one left is killed. A zygote that stops answering is replaced.

Example:
    >>> sandbox = Sandbox(work=Path("/tmp/s1/work"), hidden=(Path("/data/submissions"),))
    >>> sandbox.wrap(["python", "-m", "grader.zygote", "serve", "/tmp/s1/work/zygote/sock"])[0]
    'env'
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

HAVE_BWRAP = shutil.which("bwrap") is not None
GRADER_DIR = Path(__file__).resolve().parent
ZYGOTE = str(GRADER_DIR / "zygote.py")
IS_ROOT = os.geteuid() == 0
KERNEL_UID_BASE = 100_000
KERNELS_PER_WORKER_UIDS = 256  # a worker cycles through this many uids, one per kernel


def isolation() -> str:
    """What protects the grader from student code on this machine, in a few words."""
    if HAVE_BWRAP and IS_ROOT:
        return "bwrap sandbox, a uid of its own per kernel, rlimits"
    if HAVE_BWRAP:
        return "bwrap sandbox, rlimits; not root, so kernels share the zygote's uid and could reach it"
    return "rlimits only: install bubblewrap, or student code can read what the grader can"


def kernel_uid(serial: int, pid: int | None = None) -> int:
    """The uid of a worker's ``serial``-th kernel: unique among the live workers (pids are)."""
    pid = os.getpid() if pid is None else pid
    return KERNEL_UID_BASE + pid * KERNELS_PER_WORKER_UIDS + serial % KERNELS_PER_WORKER_UIDS


@dataclasses.dataclass(frozen=True)
class Sandbox:
    work: Path
    hidden: tuple[Path, ...] = ()
    readable: tuple[Path, ...] = ()  # read-only, even under a hidden path (the compile cache)
    devices: tuple[tuple[str, str], ...] = ()  # accelerator nodes: (on the host, in the sandbox)

    @property
    def socket(self) -> Path:
        return self.work / "zygote" / "sock"

    def reset(self, uid: int) -> None:
        """Empties the work folder's parts for a new kernel; the kernel's uid owns what it may write."""
        self.work.mkdir(parents=True, exist_ok=True)
        for sub in ("cwd", "home", "ipc", "runtime"):
            shutil.rmtree(self.work / sub, ignore_errors=True)
            (self.work / sub).mkdir()
            if IS_ROOT and HAVE_BWRAP and sub != "runtime":  # the connection file stays the grader's
                os.chown(self.work / sub, uid, uid)

    def wrap(self, cmd: list[str]) -> list[str]:
        """The zygote's command, run inside the sandbox (its kernels set their own limits)."""
        if not HAVE_BWRAP:
            return cmd
        # The interrupt that ends a timed-out cell is sent to the whole process group: bwrap
        # ignores it (it would die and take the kernel with it), the kernel takes it.
        jail = ["env", "--ignore-signal=INT", "bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"]
        for host, inside in self.devices:  # a GPU's or TPU's nodes, and nothing else of the host's /dev
            jail += ["--dev-bind", host, inside]
        jail += ["--tmpfs", "/tmp"]
        if Path.home() != Path("/"):  # the grader's home: keys, course files, other classes
            jail += ["--tmpfs", str(Path.home())]
        for path in self.hidden:  # an empty folder, or an empty file, in its place
            if path.is_dir():
                jail += ["--tmpfs", str(path)]
            elif path.exists():
                jail += ["--ro-bind", "/dev/null", str(path)]
        for keep in sorted({Path(sys.prefix), Path(sys.base_prefix), GRADER_DIR, *self.readable}):
            jail += _traversable_parents(keep) + ["--ro-bind", str(keep), str(keep)]
        jail += _traversable_parents(self.work) + ["--bind", str(self.work), str(self.work), "--chdir", str(self.work)]
        jail += ["--setenv", "HOME", str(self.work / "home"), "--setenv", "TMPDIR", str(self.work / "cwd")]
        # A pid namespace: when bwrap goes, every process the kernel started goes too. The
        # kernel must not poll for its parent (inside, its parent is the namespace's pid 1).
        jail += ["--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-pid", "--die-with-parent"]
        jail += ["--unsetenv", "JPY_PARENT_PID"]
        return jail + ["--", "env", "--default-signal=INT"] + cmd


def _traversable_parents(path: Path) -> list[str]:
    """bwrap creates missing parents as 0700; the kernel's uid must walk through them."""
    args = []
    for parent in reversed(path.parents[:-1]):  # from the top, without "/"
        args += ["--perms", "0755", "--dir", str(parent)]
    return args


_zygote: tuple[Sandbox, subprocess.Popen] | None = None


def zygote_socket(sandbox: Sandbox) -> str:
    """The socket of this process's zygote in ``sandbox``: started on first use, and
    replaced when it has exited or does not answer (stopped, wedged)."""
    from .zygote import ping

    if _zygote and _zygote[0] == sandbox and _zygote[1].poll() is None and ping(str(sandbox.socket)):
        return str(sandbox.socket)
    stop_zygote()
    folder = sandbox.socket.parent
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, mode=0o700)  # only the grader (and the zygote) may enter
    sandbox.work.chmod(0o755)
    serve = [sys.executable, ZYGOTE, "serve", str(sandbox.socket), *(["--own-pid-namespace"] if HAVE_BWRAP else [])]
    # Its own session: killing the group ends bwrap, and with it the pid namespace.
    process = subprocess.Popen(sandbox.wrap(serve), stdout=subprocess.DEVNULL, start_new_session=True)
    _set_zygote((sandbox, process))
    deadline = time.monotonic() + 120
    while not ping(str(sandbox.socket), timeout=1):
        if process.poll() is not None or time.monotonic() > deadline:
            stop_zygote()
            raise RuntimeError(f"the kernel zygote did not start (exit code {process.poll()})")
        time.sleep(0.02)
    return str(sandbox.socket)


def stop_zygote() -> None:
    """Kills this process's zygote and its sandbox (a fresh one starts on next use)."""
    if _zygote:
        process = _zygote[1]
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        _set_zygote(None)


def _set_zygote(value) -> None:
    global _zygote
    _zygote = value

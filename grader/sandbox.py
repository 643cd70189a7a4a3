"""Runs the students' kernels in a sandbox, with limits.

With Debian's ``bwrap`` (bubblewrap) the kernel sees a read-only root, an empty ``/tmp``
holding only its own work folder, no network (it talks to the grader over Unix sockets,
jupyter's ``ipc`` transport), and empty folders in place of the hidden paths: the other
submissions, the results, the course (gradebook, hidden tests) and the repository's
solutions. Run as root, the grader also drops the kernel to an unprivileged uid, so the
process limit counts only that kernel's processes. ``prlimit`` caps the address space
(memory) and the number of processes. Without bwrap the kernel gets the limits only.

Each grading worker keeps one sandbox, in which a zygote (:mod:`grader.zygote`) forks a
fresh kernel per submission; between two kernels the work folder is emptied and every
process the last one left is killed.

Example:
    >>> sandbox = Sandbox(work=Path("/tmp/s1/work"), hidden=(Path("/data/submissions"),))
    >>> sandbox.wrap(["python", "-m", "ipykernel_launcher", "-f", "/tmp/s1/work/k.json"])[0]
    'bwrap'
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from traitlets import Dict, Int, List, Unicode

HAVE_BWRAP = shutil.which("bwrap") is not None
GRADER_DIR = Path(__file__).resolve().parent
ZYGOTE = str(GRADER_DIR / "zygote.py")
IS_ROOT = os.geteuid() == 0
UNPRIVILEGED_UID_BASE = 20000


def isolation() -> str:
    """What protects the grader from student code on this machine, in a few words."""
    if HAVE_BWRAP:
        return "bwrap sandbox" + (", unprivileged uid" if IS_ROOT else "") + ", rlimits"
    return "rlimits only: install bubblewrap, or student code can read what the grader can"


@dataclasses.dataclass(frozen=True)
class Sandbox:
    work: Path
    hidden: tuple[Path, ...] = ()
    readable: tuple[Path, ...] = ()  # read-only, even under a hidden path (the compile cache)
    memory_mb: int = 4096
    max_processes: int = 256  # threads count too: XLA starts one per core and more
    uid: int = UNPRIVILEGED_UID_BASE

    def reset(self) -> None:
        """Empties the work folder's parts for a new kernel, owned by the kernel's uid."""
        self.work.mkdir(parents=True, exist_ok=True)
        for sub in ("cwd", "home", "ipc", "runtime"):
            shutil.rmtree(self.work / sub, ignore_errors=True)
            (self.work / sub).mkdir()
            if IS_ROOT and HAVE_BWRAP:
                os.chown(self.work / sub, self.uid, self.uid)

    def wrap(self, cmd: list[str]) -> list[str]:
        """The kernel command, run inside the sandbox with the limits."""
        limits = ["prlimit", f"--as={self.memory_mb * 2**20}", f"--nproc={self.max_processes}", "--"]
        if IS_ROOT and HAVE_BWRAP:  # root ignores the process limit; the sandbox shows the uid its Python
            limits = ["setpriv", f"--reuid={self.uid}", f"--regid={self.uid}", "--clear-groups", *limits]
        if not HAVE_BWRAP:
            return limits + cmd
        # The interrupt that ends a timed-out cell is sent to the whole process group: bwrap
        # ignores it (it would die and take the kernel with it), the kernel takes it.
        jail = ["env", "--ignore-signal=INT", "bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"]
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
        return jail + ["--", "env", "--default-signal=INT"] + limits + cmd


def _traversable_parents(path: Path) -> list[str]:
    """bwrap creates missing parents as 0700; the kernel's uid must walk through them."""
    args = []
    for parent in reversed(path.parents[:-1]):  # from the top, without "/"
        args += ["--perms", "0755", "--dir", str(parent)]
    return args


_zygote: tuple[Sandbox, subprocess.Popen] | None = None


def zygote_socket(sandbox: Sandbox) -> str:
    """The socket of this process's zygote in ``sandbox``, started on first use."""
    global _zygote
    sock = sandbox.work / "zygote.sock"
    if _zygote and _zygote[0] == sandbox and _zygote[1].poll() is None:
        return str(sock)
    if _zygote:
        _zygote[1].kill()
        _zygote[1].wait()
    sock.unlink(missing_ok=True)
    if IS_ROOT and HAVE_BWRAP:
        os.chown(sandbox.work, sandbox.uid, sandbox.uid)
    serve = [sys.executable, ZYGOTE, "serve", str(sock), *(["--own-pid-namespace"] if HAVE_BWRAP else [])]
    process = subprocess.Popen(sandbox.wrap(serve), stdout=subprocess.DEVNULL)
    _zygote = (sandbox, process)
    deadline = time.monotonic() + 120
    while not sock.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"the kernel zygote did not start (exit code {process.poll()})")
        time.sleep(0.02)
    return str(sock)


def kernel_manager_class():
    """A jupyter kernel manager whose kernels are forked by a sandboxed zygote."""
    from queue import Empty

    import zmq
    from jupyter_client.asynchronous import AsyncKernelClient
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class PromptKernelClient(AsyncKernelClient):
        """Ready once the kernel answers ``kernel_info`` on shell and speaks on iopub.

        jupyter_client then also waits for 0.2 s of silence on iopub, to drop stale
        messages; nbclient ignores those anyway, and the wait is 0.2 s per student.
        Its sockets also retry connecting every 10 ms, not zmq's 100 ms: they are
        created before the kernel has bound its own.
        """

        def start_channels(self, *args, **kwargs):
            self.context.setsockopt(zmq.RECONNECT_IVL, 10)
            super().start_channels(*args, **kwargs)

        async def wait_for_ready(self, timeout=None):
            deadline = time.monotonic() + (timeout if timeout is not None else float("inf"))
            while True:
                self.kernel_info()
                try:
                    reply = await self.shell_channel.get_msg(timeout=1)
                    if reply["msg_type"] == "kernel_info_reply":
                        await self.iopub_channel.get_msg(timeout=0.2)  # iopub is connected
                        self._handle_kernel_info_reply(reply)
                        return
                except Empty:
                    pass
                if not await self._async_is_alive():
                    raise RuntimeError("Kernel died before replying to kernel_info")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Kernel didn't respond in {timeout:g} seconds")

    class SandboxedKernelManager(AsyncKernelManager):
        work_dir = Unicode(config=True, help="the kernel's work folder, the same for a worker's kernels")
        hidden_paths = List(Unicode(), config=True, help="paths the kernel must not see")
        readable_paths = List(Unicode(), config=True, help="paths the kernel may read, even under hidden ones")
        jax_config = Dict(config=True, help="jax.config options set in the kernel before the student's code")
        memory_mb = Int(4096, config=True)
        max_processes = Int(256, config=True)
        uid = Int(UNPRIVILEGED_UID_BASE, config=True)

        @default("client_factory")
        def _prompt_client(self):
            return PromptKernelClient

        async def _async_wait(self, pollinterval: float = 0.01) -> None:
            """Polls for the killed kernel's end every 10 ms, not jupyter_client's 100 ms."""
            await super()._async_wait(pollinterval=min(pollinterval, 0.01))

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            work = Path(self.work_dir)
            hidden = tuple(map(Path, self.hidden_paths))
            readable = tuple(map(Path, self.readable_paths))
            self.sandbox = Sandbox(work, hidden, readable, self.memory_mb, self.max_processes, self.uid)
            self.sandbox.reset()  # nothing of the previous student's kernel stays
            if HAVE_BWRAP:  # no network inside: Unix sockets in the shared work folder
                self.transport = "ipc"
                self.ip = str(work / "ipc" / "kernel")
            self.connection_file = str(work / "runtime" / "kernel.json")

        def format_kernel_cmd(self, extra_arguments=None):
            super().format_kernel_cmd(extra_arguments)
            os.chmod(self.connection_file, 0o644)  # the kernel's uid must read it
            cwd = str(self.sandbox.work / "cwd")
            sock = zygote_socket(self.sandbox)
            return [sys.executable, ZYGOTE, "launch", sock, self.connection_file, cwd, json.dumps(self.jax_config)]

    return SandboxedKernelManager

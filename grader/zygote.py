"""Warm kernels: a sandboxed fork server that has already imported JAX and friends.

Starting a kernel and importing jax, optax and flax costs more than most exercises take
to run. Each grading worker starts one *zygote* in its sandbox; the zygote imports the
heavy modules once and then forks a fresh ipykernel for every submission.

Privilege separation. Run by root (as the grader runs in CI and on a grading machine),
the zygote keeps root inside the sandbox and each forked child drops to a uid of its own,
chosen by the grader per kernel, before any student code runs: it leaves the zygote's IPC
namespace (System V shared memory and semaphores are then private to the kernel), sets
its memory and process limits, clears its groups, switches every uid and gid, and sets
``PR_SET_NO_NEW_PRIVS``. Changing uid also makes the kernel non-dumpable. So a student's
kernel can neither signal, ptrace nor read or write the memory of the zygote (root), of
the grader (outside the sandbox's pid namespace, invisible) or of another student's kernel
(another uid). It cannot connect to the zygote either: the zygote's socket lives in a
folder only root may enter, and the zygote accepts only peers of its own uid
(``SO_PEERCRED``). No kernel is ever forked from a process that student code could touch.
Without root the zygote and its kernels share one uid: the grader says so when it starts.

Between two kernels the zygote kills every process left in its pid namespace, and the
grader empties the work folder.

The kernel manager launches ``python -m grader.zygote launch SOCKET REQUEST``: a tiny client
that asks the zygote for a kernel, forwards interrupts to it, and exits with it. If the
client is killed, the zygote kills the kernel. ``ping`` answers whether a zygote is alive
and serving; the grader replaces one that does not answer.

Example:
    $ python -m grader.zygote serve /work/zygote/sock --own-pid-namespace   # inside the sandbox
    $ python -m grader.zygote launch /work/zygote/sock '{"connection_file": ..., "uid": 100256}'
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import resource
import select
import signal
import socket
import struct
import sys
import time

# What a starting kernel imports (its debugger alone takes 0.1 s), then the course's libraries.
# Only OpenBLAS (numpy) starts threads on import, and it stops them around a fork.
WARM_MODULES = [
    *("ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.debugger", "IPython.core.debugger"),
    *("IPython.core.completerlib", "IPython.core.oinspect", "IPython.extensions.storemagic"),
    *("faulthandler", "sqlite3", "tornado.platform.asyncio"),
    *("numpy", "numpy.testing", "jax", "jax.numpy", "optax", "flax.nnx", "matplotlib"),
]
CLONE_NEWIPC = 0x08000000
PR_SET_NO_NEW_PRIVS = 38
MIN_KERNEL_UID = 1000  # never a system account


def warm_up() -> None:
    """Imports what every kernel needs. It initialises no JAX backend: a CUDA context must
    never be created before a fork (the children could not use it); each kernel makes its own."""
    import importlib

    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # debugpy's warning about frozen modules
    for name in WARM_MODULES:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)


def serve(sock_path: str, own_pid_namespace: bool = False) -> None:
    """Forks a kernel per request, one at a time, and cleans up after each."""
    warm_up()
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(sock_path)
    server.listen(8)
    while True:
        conn, _ = server.accept()
        try:
            request = _read_request(conn)
        except (OSError, ValueError, PermissionError):
            conn.close()
            continue
        if request.get("ping"):
            with contextlib.suppress(OSError):
                conn.sendall(b"pong\n")
            conn.close()
            continue
        pid = os.fork()
        if pid == 0:
            server.close()
            conn.close()
            _become_kernel(request)
        _supervise(pid, conn)
        if own_pid_namespace:
            _kill_everything_else()


def _read_request(conn: socket.socket) -> dict:
    """The request of a peer with the zygote's own uid (the grader), never of a kernel."""
    uid = struct.unpack("3i", conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i")))[1]
    if uid != os.getuid():
        raise PermissionError(f"uid {uid} may not ask for kernels")
    conn.settimeout(10)
    line = conn.makefile().readline()
    conn.settimeout(None)
    return json.loads(line)


def _kill_everything_else() -> None:
    """In its own pid namespace: kills every process but itself (and the namespace's init)."""
    for _ in range(100):  # a fork bomb may add processes while the first pass runs
        try:
            os.kill(-1, signal.SIGKILL)
        except ProcessLookupError:
            return
        with contextlib.suppress(ChildProcessError):
            while os.waitpid(-1, os.WNOHANG)[0]:
                pass
        time.sleep(0.005)


def _become_kernel(request: dict) -> None:
    try:
        os.setpgid(0, 0)  # its own process group: interrupts and kills reach it alone
        _drop_privileges(request)
        os.chdir(request["cwd"])
    except BaseException as e:  # noqa: BLE001 - a kernel that cannot be confined must not start
        print(f"grader.zygote: cannot confine the kernel: {e!r}", file=sys.stderr)
        os._exit(70)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    if request.get("jax_config"):  # set before the student's first line (jax is imported already)
        import jax

        for name, value in request["jax_config"].items():
            jax.config.update(name, value)
    from ipykernel.kernelapp import IPKernelApp

    try:
        IPKernelApp.launch_instance(argv=["-f", request["connection_file"]])
    finally:
        os._exit(0)


def _drop_privileges(request: dict) -> None:
    """Limits, then (as root) a private IPC namespace and the kernel's own uid.

    Memory: RLIMIT_DATA caps what the kernel writes to (numpy's and XLA's allocations fail
    cleanly past it). Without an accelerator, RLIMIT_AS also caps the address space at
    what is mapped now plus twice the limit, for memory that RLIMIT_DATA does not count
    (shared mappings); CUDA and TPU runtimes reserve far more address space than they
    use, so with one it is left alone. (RLIMIT_AS alone at the limit fails on machines
    whose JAX has a CUDA plugin: its libraries are mapped before the first cell.)
    """
    memory = request.get("memory_mb", 4096) * 2**20
    resource.setrlimit(resource.RLIMIT_DATA, (memory, memory))
    if request.get("memory_limit") != "data":
        cap = _mapped_bytes() + 2 * memory
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    nproc = request.get("max_processes", 256)
    resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
    if os.getuid() == 0:
        uid = int(request["uid"])
        if uid < MIN_KERNEL_UID:
            raise ValueError(f"refusing kernel uid {uid}")
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.unshare(CLONE_NEWIPC) != 0:
            raise OSError(ctypes.get_errno(), "unshare(CLONE_NEWIPC)")
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)
        if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS)")
        if os.getuid() != uid or os.geteuid() != uid:
            raise PermissionError("the uid did not change")


def _mapped_bytes() -> int:
    """This process's address space now (VmSize)."""
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmSize:"))
    return int(line.split()[1]) * 1024


def _supervise(pid: int, conn: socket.socket) -> None:
    """Relays interrupts from the client; kills the kernel if the client goes away."""
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            code = os.waitstatus_to_exitcode(status)
            with contextlib.suppress(OSError):
                conn.sendall(f"{code}\n".encode())
            conn.close()
            return
        if select.select([conn], [], [], 0.05)[0]:
            message = b""
            with contextlib.suppress(OSError):
                message = conn.recv(16)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGINT if message else signal.SIGKILL)  # no message: the client died


def ping(sock_path: str, timeout: float = 10.0) -> bool:
    """Whether a zygote serves on ``sock_path`` and answers within ``timeout`` seconds."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(timeout)
            client.connect(sock_path)
            client.sendall(b'{"ping": true}\n')
            return client.makefile("rb").readline() == b"pong\n"
    except OSError:
        return False


def launch(sock_path: str, request: str) -> int:
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(sock_path)
    client.sendall((json.dumps(json.loads(request)) + "\n").encode())
    signal.signal(signal.SIGINT, lambda *_: client.sendall(b"INT"))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    reply = b""
    while not reply.endswith(b"\n"):
        chunk = client.recv(64)
        if not chunk:
            return 1
        reply += chunk
    return int(reply)


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(sys.argv[2], own_pid_namespace="--own-pid-namespace" in sys.argv)
    else:
        sys.exit(launch(sys.argv[2], sys.argv[3]))

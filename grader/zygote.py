"""Warm kernels: a sandboxed fork server that has already imported JAX and friends.

Starting a kernel and importing jax, optax and flax costs more than most exercises take
to run. Each grading worker starts one *zygote* in its sandbox; the zygote imports the
heavy modules once and then forks a fresh ipykernel for every submission. A fork starts
in milliseconds and shares nothing with the previous student's kernel: each child is a
new process that never ran anyone's code before.

The kernel manager launches ``python -m grader.zygote launch SOCKET CONNECTION_FILE CWD
JAX_CONFIG``: a tiny client that asks the zygote for a kernel, forwards interrupts to it, and exits with
it. If the client is killed, the zygote kills the kernel.

Example:
    $ python -m grader.zygote serve /work/zygote.sock --own-pid-namespace   # inside the sandbox
    $ python -m grader.zygote launch /work/zygote.sock /work/runtime/kernel.json /work/cwd '{}'
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import socket
import sys

# What a starting kernel imports (its debugger alone takes 0.1 s), then the course's libraries.
# Only OpenBLAS (numpy) starts threads on import, and it stops them around a fork.
WARM_MODULES = [
    *("ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.debugger", "IPython.core.debugger"),
    *("IPython.core.completerlib", "IPython.core.oinspect", "IPython.extensions.storemagic"),
    *("faulthandler", "sqlite3", "tornado.platform.asyncio"),
    *("numpy", "jax", "jax.numpy", "optax", "flax.nnx", "matplotlib"),
]


def serve(sock_path: str, own_pid_namespace: bool = False) -> None:
    """Forks a kernel per request. In a pid namespace of its own (the bwrap sandbox), it
    also kills whatever a finished kernel left running, so the next student meets none of
    it; outside one that would be every process of its uid, so it does not."""
    import importlib

    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # debugpy's warning about frozen modules
    for name in WARM_MODULES:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(sock_path)
    server.listen(1)
    while True:
        conn, _ = server.accept()
        request = json.loads(conn.makefile().readline())
        pid = os.fork()
        if pid == 0:
            server.close()
            conn.close()
            _become_kernel(request)
        _supervise(pid, conn)
        if own_pid_namespace:
            with contextlib.suppress(ProcessLookupError):
                os.kill(-1, signal.SIGKILL)  # every process here but this one


def _become_kernel(request: dict) -> None:
    os.setpgid(0, 0)  # its own process group: interrupts and kills reach it alone
    os.chdir(request["cwd"])
    signal.signal(signal.SIGINT, signal.default_int_handler)
    if request["jax_config"]:  # set before the student's first line (jax is imported already)
        import jax

        for name, value in request["jax_config"].items():
            jax.config.update(name, value)
    from ipykernel.kernelapp import IPKernelApp

    try:
        IPKernelApp.launch_instance(argv=["-f", request["connection_file"]])
    finally:
        os._exit(0)


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
            message = conn.recv(16)
            if message:
                os.killpg(pid, signal.SIGINT)
            else:  # the client died: so must its kernel
                os.killpg(pid, signal.SIGKILL)


def launch(sock_path: str, connection_file: str, cwd: str, jax_config: str) -> int:
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(sock_path)
    request = {"connection_file": connection_file, "cwd": cwd, "jax_config": json.loads(jax_config)}
    client.sendall((json.dumps(request) + "\n").encode())
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
        sys.exit(launch(*sys.argv[2:6]))

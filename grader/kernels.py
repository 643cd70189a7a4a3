"""The jupyter kernel manager and client the grader's nbgrader runs use.

Kernels are forked by the worker's sandboxed zygote (:mod:`grader.sandbox`), each with a
uid of its own and with the memory and process limits. The client counts a kernel as
ready sooner than jupyter_client does, and queues at most :data:`MAX_QUEUED_MESSAGES`
messages, so that a kernel printing gigabytes cannot fill the grader's memory (what it
keeps of them is capped by :mod:`grader.execute`).

Example:
    >>> c.Execute.kernel_manager_class = kernel_manager_class()
    >>> c.SandboxedKernelManager.work_dir = "/tmp/grading/worker-1"
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import time
from pathlib import Path

from traitlets import Dict, Int, List, Unicode

from .sandbox import HAVE_BWRAP, ZYGOTE, Sandbox, kernel_uid, zygote_socket

# At most this many messages wait per socket (ZMQ_RCVHWM; more are dropped), each no larger
# than a kernel under its memory limit can make. (ZMQ_MAXMSGSIZE would bound their size,
# but a socket that meets a larger message disconnects for good: every later output lost.)
MAX_QUEUED_MESSAGES = 16
_serial = itertools.count()  # the kernels this worker started, for their uids


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
            self.context.setsockopt(zmq.RCVHWM, MAX_QUEUED_MESSAGES)
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
        memory_limit = Unicode("as", config=True, help="'as': RLIMIT_DATA and an address-space cap; 'data': alone")
        max_processes = Int(256, config=True)
        device_nodes = List(List(Unicode()), config=True, help="[host, sandbox] paths of accelerator nodes")

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
            devices = tuple((host, inside) for host, inside in self.device_nodes)
            self.sandbox = Sandbox(work, hidden, readable, devices)
            self.kernel_uid = kernel_uid(next(_serial))
            self.sandbox.reset(self.kernel_uid)  # nothing of the previous student's kernel stays
            if HAVE_BWRAP:  # no network inside: Unix sockets in the shared work folder
                self.transport = "ipc"
                self.ip = str(work / "ipc" / "kernel")
            self.connection_file = str(work / "runtime" / "kernel.json")

        def format_kernel_cmd(self, extra_arguments=None):
            super().format_kernel_cmd(extra_arguments)
            os.chmod(self.connection_file, 0o644)  # the kernel's uid must read it
            request = {
                "connection_file": self.connection_file,
                "cwd": str(self.sandbox.work / "cwd"),
                "jax_config": dict(self.jax_config),
                "uid": self.kernel_uid,
                "memory_mb": self.memory_mb,
                "memory_limit": self.memory_limit,
                "max_processes": self.max_processes,
            }
            return [sys.executable, ZYGOTE, "launch", zygote_socket(self.sandbox), json.dumps(request)]

    return SandboxedKernelManager

"""The sandbox's plumbing: a zygote only the grader can reach, replaced when it stops
answering, kernels with uids of their own, and rows the grader caused graded again."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest
from conftest import REPO, run

from grader import sandbox, zygote
from grader.results import Result
from grader.sandbox import HAVE_BWRAP, IS_ROOT, Sandbox, kernel_uid, stop_zygote, zygote_socket

ASSIGNMENT = "01_mental_model"
needs_root = pytest.mark.skipif(not (HAVE_BWRAP and IS_ROOT), reason="needs bubblewrap and root")


@pytest.fixture
def fresh_sandbox(tmp_path):
    yield Sandbox(work=tmp_path / "work")
    stop_zygote()


def test_kernel_uids_differ_within_a_worker_and_between_workers():
    uids = {kernel_uid(n, pid) for n in range(10) for pid in (4321, 4322, 4194303)}
    assert len(uids) == 30 and min(uids) >= sandbox.KERNEL_UID_BASE and max(uids) < 2**31


@needs_root
@pytest.mark.parametrize("how", [signal.SIGSTOP, signal.SIGKILL])
def test_a_stopped_or_killed_zygote_is_replaced(fresh_sandbox, how):
    zygote_socket(fresh_sandbox)
    first = sandbox._zygote[1]
    os.killpg(first.pid, how)
    start = time.monotonic()
    zygote_socket(fresh_sandbox)
    assert sandbox._zygote[1] is not first and zygote.ping(str(fresh_sandbox.socket))
    assert time.monotonic() - start < 60


@needs_root
def test_only_the_grader_may_enter_the_zygotes_folder(fresh_sandbox):
    zygote_socket(fresh_sandbox)
    folder = fresh_sandbox.socket.parent
    assert (folder.stat().st_uid, folder.stat().st_mode & 0o777) == (0, 0o700)


@needs_root
def test_the_zygote_refuses_a_peer_with_another_uid():
    """Even with the folder open, a kernel's uid gets nothing from the zygote's socket."""
    folder = Path(tempfile.mkdtemp(dir="/tmp"))  # pytest's own folders are closed to other uids
    folder.chmod(0o777)
    sock = folder / "sock"
    server = subprocess.Popen([sys.executable, zygote.__file__, "serve", str(sock)], stdout=subprocess.DEVNULL)
    try:
        while not zygote.ping(str(sock), timeout=1):
            time.sleep(0.05)
        sock.chmod(0o777)
        pid = os.fork()
        if pid == 0:  # a kernel's uid
            os.setresuid(kernel_uid(1), kernel_uid(1), kernel_uid(1))
            try:
                with socket.socket(socket.AF_UNIX) as client:
                    client.settimeout(5)
                    client.connect(str(sock))
                    client.sendall(b'{"ping": true}\n')
                    os._exit(1 if client.recv(16) else 0)
            except OSError:
                os._exit(0)
        assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0
        assert zygote.ping(str(sock)), "the grader's own uid is still served"
    finally:
        server.kill()
        server.wait()
        shutil.rmtree(folder)


def test_rows_the_grader_caused_are_graded_again(tmp_path):
    subs = tmp_path / "class"
    (subs / "ada").mkdir(parents=True)
    nbformat.write(nbformat.read(REPO / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", 4), subs / "ada" / "a.ipynb")
    (subs / "ada" / "a.ipynb").rename(subs / "ada" / f"{ASSIGNMENT}.ipynb")
    out = tmp_path / "out"
    args = (sys.executable, "-m", "grader", "grade", subs, "--out", out, "--jobs", "1", "--no-compile-cache")
    run(*args)
    state = next((out / ".work").rglob(f"{ASSIGNMENT}.json"))
    row = Result.load(state)
    assert row.status == "graded"
    row.status, row.detail, row.score = "error", "the grader could not start a kernel", 0.0
    row.save(state)
    run(*args)
    assert json.loads(state.read_text())["status"] == "graded"

"""The grader's promises, each tried by an attacker graded just before its victims.

One worker (``--jobs 1``) grades the class in student-id order, so every attacker's kernel
runs in the same sandbox, forked by the same zygote, right before the honest students
after it. The promises: no student affects another's grade; hidden tests stay hidden;
points come only from the tests; honest Colab work is graded in full.
"""

from __future__ import annotations

import copy
import csv
import re
import sys

import nbformat
import pytest
from conftest import REPO, grade_cell, run

from grader.sandbox import HAVE_BWRAP, IS_ROOT

ASSIGNMENT = "01_mental_model"
SOLUTION = nbformat.read(REPO / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", 4)
EXERCISE = nbformat.read(REPO / "exercises" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", 4)
WRONG_Q2 = (REPO / "tests" / "mutants" / ASSIGNMENT / "loss_after_step.py").read_text().split("\n", 1)[1]
FULL = 7.0
HONEST_WITH_WRONG_Q2 = 3.0  # question 1 right, question 2 wrong

isolated = pytest.mark.skipif(not (HAVE_BWRAP and IS_ROOT), reason="privilege separation needs bwrap and root")


def with_code(nb, code: str, cell: str = "q1_answer"):
    nb = copy.deepcopy(nb)
    grade_cell(nb, cell).source += "\n" + code
    return nb


def wrong_q2_plus(code: str):
    """Question 1 solved, question 2 wrong (it records the loss after each step), plus ``code``."""
    nb = copy.deepcopy(SOLUTION)
    grade_cell(nb, "q2_answer").source = WRONG_Q2
    return with_code(nb, code)


# Reaching the zygote, the grader or anything else: every attempt must fail, else the
# kernel exits (status kernel_died) and the test says which.
REACH_OUT = r"""
import ctypes, os, signal, socket
_reached = []
for _pid in [int(p) for p in os.listdir('/proc') if p.isdigit() and int(p) != os.getpid()]:
    for _sig in (0, signal.SIGSTOP):
        try:
            os.kill(_pid, _sig)
            _reached.append(f'signal {_sig} to {_pid}')
        except OSError:
            pass
    try:
        open(f'/proc/{_pid}/mem', 'r+b').close()
        _reached.append(f'memory of {_pid}')
    except OSError:
        pass
    if ctypes.CDLL(None).ptrace(16, _pid, 0, 0) == 0:  # PTRACE_ATTACH
        _reached.append(f'ptrace {_pid}')
try:
    _s = socket.socket(socket.AF_UNIX)
    _s.connect('../zygote/sock')
    _reached.append('the zygote socket')
except OSError:
    pass
if _reached:
    print(_reached)
    os._exit(3)
"""

# A hook that sees every cell the kernel runs, and every way to show what it saw later.
LEAK_HOOK = r"""
import threading, time, IPython
_seen = []
def _grab(info):
    _seen.append(info.raw_cell)
    print(info.raw_cell)
get_ipython().events.register('pre_run_cell', _grab)
get_ipython().events.register('post_run_cell', lambda result: print(_seen[-1]))
_handle = IPython.display.display('placeholder', display_id=True)
def _leak_later():
    while True:
        time.sleep(0.05)
        print('\n'.join(_seen[-3:]))
        _handle.update('\n'.join(_seen))
threading.Thread(target=_leak_later, daemon=True).start()
"""

# Somewhere to leave the hidden tests for the next student.
DROP_FOR_NEXT = r"""
import ctypes, os
def _drop(info):
    text = info.raw_cell.encode()
    for _path in ('/dev/shm/drop', '/tmp/drop', 'drop', os.path.expanduser('~/drop'), '../ipc/drop', '../drop'):
        try:
            open(_path, 'wb').write(text)
        except OSError:
            pass
    _libc = ctypes.CDLL(None)
    _libc.shmat.restype = ctypes.c_void_p
    _id = _libc.shmget(0x5EC2E7, 1 << 20, 0o1666)
    if _id >= 0:
        _addr = _libc.shmat(_id, None, 0)
        if _addr not in (None, ctypes.c_void_p(-1).value):
            ctypes.memmove(_addr, text[: (1 << 20) - 1] + b'\0', min(len(text) + 1, 1 << 20))
get_ipython().events.register('pre_run_cell', _drop)
"""

PICK_UP = r"""
import ctypes, os
_found = []
for _path in ('/dev/shm/drop', '/tmp/drop', 'drop', os.path.expanduser('~/drop'), '../ipc/drop', '../drop'):
    try:
        _found.append(open(_path).read())
    except OSError:
        pass
_libc = ctypes.CDLL(None)
_libc.shmat.restype = ctypes.c_void_p
_id = _libc.shmget(0x5EC2E7, 1 << 20, 0o666)
if _id >= 0:
    _addr = _libc.shmat(_id, None, 0)
    if _addr not in (None, ctypes.c_void_p(-1).value):
        _found.append(ctypes.string_at(_addr).decode(errors='replace'))
print('\n'.join(_found))
"""

FORGERIES = {
    "noop_assert_helpers": "np.testing.assert_allclose = lambda *a, **k: None\n"
    "np.testing.assert_array_equal = lambda *a, **k: None",
    "noop_via_module_dict": "import numpy.testing\nvars(numpy.testing)['assert_allclose'] = lambda *a, **k: None",
    "noop_inner_helper": "import numpy.testing._private.utils as _u\n_u.assert_array_compare = lambda *a, **k: None",
    "swapped_code": "def _nothing(*a, **k):\n    return None\nnp.testing.assert_allclose.__code__ = _nothing.__code__",
    "builtin_all": "import builtins\nbuiltins.all = lambda *a: True\nnp.testing.assert_allclose = lambda *a, **k: None",
    "shadowed_numpy": "class _Quiet:\n    def __getattr__(self, name):\n        return lambda *a, **k: None\n"
    "class _FakeNp:\n    testing = _Quiet()\n"
    "    def __getattr__(self, name):\n        return getattr(__import__('numpy'), name)\n"
    "np = _FakeNp()\nall = lambda *a: True",
    "swallowing_ast_transformer": "import ast\nclass _Swallow(ast.NodeTransformer):\n"
    "    def visit_Module(self, node):\n"
    "        handler = ast.ExceptHandler(type=ast.Name('BaseException', ast.Load()), name=None, body=[ast.Pass()])\n"
    "        node.body = [ast.Try(body=node.body or [ast.Pass()], handlers=[handler], orelse=[], finalbody=[])]\n"
    "        return ast.fix_missing_locations(node)\n"
    "get_ipython().ast_transformers.append(_Swallow())",
    "custom_exc_and_clear_output": "from IPython.display import clear_output\n"
    "get_ipython().set_custom_exc((BaseException,), lambda *a, **k: None)\n"
    "get_ipython().events.register('post_run_cell', lambda result: clear_output())",
    "patched_run_cell": "from IPython.core.interactiveshell import InteractiveShell, ExecutionResult\n"
    "_orig = InteractiveShell.run_cell\n"
    "def _run(self, *a, **k):\n    r = _orig(self, *a, **k)\n"
    "    r.error_in_exec = None\n    r.error_before_exec = None\n"
    "    return r\nInteractiveShell.run_cell = _run",
    "partial_credit_result": "_ip = get_ipython()\n"
    "_ip.events.register('pre_run_cell', lambda info: _ip.displayhook(4.0))",
}


def copied_test_cell():
    """Colab: a learner duplicated a test cell to experiment (the copy keeps the metadata)."""
    nb = copy.deepcopy(SOLUTION)
    index = nb.cells.index(grade_cell(nb, "q1_visible"))
    nb.cells.insert(index + 1, copy.deepcopy(nb.cells[index]))
    nb.cells.insert(2, copy.deepcopy(grade_cell(nb, "q2_answer")))  # and an answer, early
    return nb


def colab_file():
    """As Colab saves it: nbformat 4.0, ids in the cell metadata, a scratch cell that fails."""
    nb = copy.deepcopy(SOLUTION)
    nb.nbformat_minor = 0
    nb.metadata = {"colab": {"provenance": []}, "kernelspec": {"name": "python3", "display_name": "Python 3"}}
    for i, cell in enumerate(nb.cells):
        cell.pop("id", None)
        cell.metadata["id"] = f"Xy{i}aBc-_{i}"
        if cell.cell_type == "code":
            cell.metadata["colab"] = {"base_uri": "https://localhost:8080/"}
            cell.metadata["outputId"] = f"{i:08x}-aaaa-bbbb-cccc-0123456789ab"
    scratch = nbformat.v4.new_code_cell("1 / 0  # trying something")
    scratch.pop("id", None)
    scratch.metadata = {"id": "scratch01"}
    nb.cells.insert(4, scratch)
    return nb


# One message too large to take (dropped whole), then many that add up past the cap.
FLOOD = "import time\nprint('x' * 40_000_000)\nfor _ in range(40):\n    print('y' * 500_000)\n    time.sleep(0.02)"


def hidden_lines() -> set[str]:
    """Lines of the hidden tests that the released exercise does not show anywhere."""
    public = {line.strip() for c in EXERCISE.cells for line in c.source.splitlines()}
    lines = set()
    for cell in SOLUTION.cells:
        if "### BEGIN HIDDEN TESTS" in cell.source:
            body = cell.source.split("### BEGIN HIDDEN TESTS", 1)[1].split("### END HIDDEN TESTS", 1)[0]
            lines |= {s for s in (line.strip() for line in body.splitlines()) if len(s) > 25 and s not in public}
    assert len(lines) > 10
    return lines


CLASS = {
    "a1_reaches_out": lambda: with_code(SOLUTION, REACH_OUT),
    "a2_victim": lambda: SOLUTION,
    "b1_leaks_hidden_tests": lambda: with_code(EXERCISE, LEAK_HOOK),
    "b2_victim": lambda: SOLUTION,
    "c1_drops_hidden_tests": lambda: with_code(EXERCISE, DROP_FOR_NEXT),
    "c2_picks_them_up": lambda: with_code(EXERCISE, PICK_UP),
    "c3_victim": lambda: SOLUTION,
    **{f"d_{name}": (lambda code=code: wrong_q2_plus(code)) for name, code in FORGERIES.items()},
    "d_zz_victim": lambda: SOLUTION,
    "e1_floods_output": lambda: with_code(SOLUTION, FLOOD),
    "e2_victim": lambda: SOLUTION,
    "f1_copied_cells": copied_test_cell,
    "f2_colab_file": colab_file,
    "f3 Zoë Ängström": lambda: SOLUTION,
    "f4_ada.lovelace+ml@example.edu": lambda: SOLUTION,
    "f5_honest_wrong_q2": lambda: wrong_q2_plus(""),
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    subs = tmp_path_factory.mktemp("class")
    for student, make in CLASS.items():
        (subs / student).mkdir()
        nbformat.write(make(), subs / student / f"{ASSIGNMENT}.ipynb")
    out = tmp_path_factory.mktemp("results")
    run(sys.executable, "-m", "grader", "grade", subs, "--out", out, "--jobs", "1", "--timeout", "30")
    with (out / "grades.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    # A folder's name is the student's id, or (where the layout normalises ids) their name.
    return {r.get("name") or r["student"]: r for r in rows} | {r["student"]: r for r in rows}, out


def feedback(graded, student) -> str:
    return (graded[1] / "feedback" / student / f"{ASSIGNMENT}.html").read_text(encoding="utf-8")


def test_every_victim_keeps_full_marks(graded):
    victims = {s: r for s, r in graded[0].items() if s.endswith("victim")}
    assert len(victims) == 5
    for student, r in victims.items():
        assert (r["status"], float(r["score"])) == ("graded", FULL), (student, r)


@isolated
def test_a_kernel_reaches_no_other_process_nor_the_zygote_socket(graded):
    r = graded[0]["a1_reaches_out"]
    assert (r["status"], float(r["score"])) == ("graded", FULL), r


def test_hidden_tests_stay_out_of_the_feedback_whatever_the_hooks_print(graded):
    for student in ("b1_leaks_hidden_tests", "c2_picks_them_up"):
        html = feedback(graded, student)
        leaked = [line for line in hidden_lines() if line in html]
        assert not leaked, (student, leaked[:3])


def test_the_backend_column_is_what_jax_reported_before_student_code(graded):
    assert {r["backend"] for r in graded[0].values() if r["status"] == "graded"} == {"cpu"}


@pytest.mark.parametrize("forgery", sorted(FORGERIES))
def test_patching_the_tests_helpers_or_hiding_errors_earns_nothing(graded, forgery):
    r = graded[0][f"d_{forgery}"]
    assert float(r["score"]) <= HONEST_WITH_WRONG_Q2, r
    assert r["status"] in ("tampered", "graded"), r


@pytest.mark.parametrize(
    "forgery", [f for f in sorted(FORGERIES) if f not in ("partial_credit_result", "custom_exc_and_clear_output")]
)
def test_the_canaries_name_the_tampering(graded, forgery):
    r = graded[0][f"d_{forgery}"]
    assert (r["status"], float(r["score"])) == ("tampered", 0.0), r
    assert "integrity" in r["detail"] and "flagged for review" in r["detail"], r


def test_an_honest_wrong_answer_is_graded_not_flagged(graded):
    r = graded[0]["f5_honest_wrong_q2"]
    assert (r["status"], float(r["score"])) == ("graded", HONEST_WITH_WRONG_Q2), r
    assert "review" not in r["detail"], r


def test_an_output_flood_is_cut_and_said_so(graded):
    r = graded[0]["e1_floods_output"]
    assert (r["status"], float(r["score"])) == ("graded", FULL), r
    assert "output cut" in r["detail"], r
    assert len(feedback(graded, "e1_floods_output")) < 20 * 2**20


@pytest.mark.parametrize(
    "student", ["f1_copied_cells", "f2_colab_file", "f3 Zoë Ängström", "f4_ada.lovelace+ml@example.edu"]
)
def test_honest_colab_work_is_graded_in_full(graded, student):
    r = graded[0][student]
    assert (r["status"], float(r["score"])) == ("graded", FULL), r
    if student == "f1_copied_cells":
        assert re.search(r"ignored 2 copied cell\(s\) of q1_visible, q2_answer", r["detail"]), r

"""`python -m grader gradescope`: the autograder zip, and run_autograder on a folder laid out as /autograder/.

One real grading. setup.sh needs Gradescope's image (apt, the network): it is only
checked for what it installs.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
import time
import zipfile

import psutil
from conftest import REPO, run

SOLUTION = REPO / "solutions" / "01_mental_model" / "01_mental_model.ipynb"
GRADESCOPE_MEMORY_MB = 768  # Gradescope's default container


def peak_memory_mb(proc: subprocess.Popen) -> float:
    """Polls the summed proportional set size (shared pages counted once) of ``proc``'s tree."""
    peak = 0.0
    root = psutil.Process(proc.pid)
    while proc.poll() is None:
        total = 0
        for p in [root, *root.children(recursive=True)]:
            with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):  # it ended meanwhile
                total += p.memory_full_info().pss
        peak = max(peak, total / 2**20)
        time.sleep(0.1)
    return peak


def test_autograder_zip_grades_one_submission_like_gradescope(tmp_path):
    archive = tmp_path / "autograder.zip"
    run(sys.executable, "-m", "grader", "gradescope", "01_mental_model", "--out", archive)
    root = tmp_path / "autograder"
    with zipfile.ZipFile(archive) as zf:
        names = set(zf.namelist())
        assert {"setup.sh", "run_autograder", "requirements.txt", "grader/gradescope.py"} <= names
        assert "solutions/01_mental_model/01_mental_model.ipynb" in names
        assert not any(n.startswith(("solutions/02", "tests/", ".git")) for n in names)
        assert zf.getinfo("run_autograder").external_attr >> 16 & stat.S_IXUSR
        zf.extractall(root / "source")
    setup = (root / "source" / "setup.sh").read_text()
    assert "bubblewrap" in setup and "requirements.txt" in setup
    assert subprocess.run(["bash", "-n", root / "source" / "setup.sh"]).returncode == 0
    # Gradescope copies run_autograder to /autograder/ and puts the upload in /autograder/submission/
    shutil.copy(root / "source" / "run_autograder", root / "run_autograder")
    os.chmod(root / "run_autograder", 0o755)
    (root / "submission").mkdir()
    shutil.copy(SOLUTION, root / "submission" / "01_mental_model.ipynb")
    users = [{"email": "ada@uni.example", "name": "Ada Lovelace"}]
    (root / "submission_metadata.json").write_text(json.dumps({"users": users}))

    env = {**os.environ, "AUTOGRADER_ROOT": str(root), "AUTOGRADER_PYTHON": sys.executable}
    start = time.perf_counter()
    proc = subprocess.Popen([root / "run_autograder"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    peak = {}
    watcher = threading.Thread(target=lambda: peak.setdefault("mb", peak_memory_mb(proc)))
    watcher.start()
    output = proc.communicate(timeout=600)[0].decode()
    watcher.join()
    seconds = time.perf_counter() - start
    assert proc.returncode == 0, output
    print(f"run_autograder: {seconds:.1f} s, peak memory (PSS of the process tree) {peak['mb']:.0f} MB")

    report = json.loads((root / "results" / "results.json").read_text())
    print(report["output"])
    assert report["score"] == 7
    assert "Grader isolation:" in report["output"]
    tests = {t["name"]: t for t in report["tests"]}
    assert sum(t["max_score"] for t in tests.values()) == 7
    assert all(t["score"] == t["max_score"] for t in tests.values())
    hidden = [t for name, t in tests.items() if "hidden" in name]
    assert hidden and all(t["visibility"] == "after_published" for t in hidden)
    assert all(t["visibility"] == "visible" for name, t in tests.items() if "hidden" not in name)
    assert peak["mb"] < GRADESCOPE_MEMORY_MB, f"{peak['mb']:.0f} MB would not fit Gradescope's default container"


def test_no_notebook_is_a_zero_that_says_why(tmp_path):
    root = tmp_path / "autograder"
    (root / "submission").mkdir(parents=True)
    (root / "submission" / "answers.txt").write_text("forgot the notebook")
    run(sys.executable, "-m", "grader.gradescope", "--root", root, "--assignment", "01_mental_model")
    report = json.loads((root / "results" / "results.json").read_text())
    assert report["score"] == 0 and "upload 01_mental_model.ipynb" in report["output"]

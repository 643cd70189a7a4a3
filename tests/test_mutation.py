"""The exercises' tests catch wrong answers: every question kills at least 90% of its
non-equivalent AST mutants, and every survivor has a reason in the committed report.

Questions whose solution or tests changed since the report (their digest differs) are
re-scored here, in a subprocess; the others are checked against the committed report.
"""

from __future__ import annotations

import json
import sys

import pytest
from conftest import REPO, run

from tests.mutation import report as rep
from tests.mutation.operators import mutants
from tests.mutation.runner import all_questions

QUESTIONS = all_questions()
REPORT = rep.load()


def test_report_covers_every_question_and_nothing_else():
    assert sorted(REPORT["questions"]) == sorted(QUESTIONS), "run `make mutation` and commit the report"


def test_markdown_report_matches_the_json():
    assert rep.MARKDOWN.read_text() == rep.markdown(REPORT), "run `make mutation` to regenerate the markdown"


@pytest.mark.parametrize("qid", sorted(QUESTIONS))
def test_question_kills_its_mutants(qid):
    question, entry = QUESTIONS[qid], REPORT["questions"].get(qid)
    assert len(mutants(question.answer)) >= 4, f"{qid}: too few mutants to score"
    if entry is None or entry["digest"] != question.digest:
        out = run(sys.executable, "-m", "tests.mutation", "--only", qid, "--no-write", cwd=REPO, timeout=1200)
        fresh = json.loads(out.stdout.strip().splitlines()[-1])[qid]
        assert not rep.problems(fresh), f"{qid}: " + "; ".join(rep.problems(fresh))
        pytest.fail(f"{qid}: solution or tests changed since tests/mutation_report.json: run `make mutation`")
    assert not rep.problems(entry), f"{qid}: " + "; ".join(rep.problems(entry))


def test_survivor_reasons_say_equivalent_or_accepted():
    for qid, entry in REPORT["questions"].items():
        for s in entry["survived"]:
            ok = s["reason"].startswith(("equivalent:", "accepted:"))
            assert ok, f"{qid} {s['mutant']}: reason must start with 'equivalent:' or 'accepted:'"


def test_operators_mutate_only_the_solution_region():
    src = "def f(x):\n    y = x + 1\n    ### BEGIN SOLUTION\n    return -x * 2 < 3\n    ### END SOLUTION\n"
    found = mutants(src)
    assert {m.operator for m in found} >= {"sign", "binop", "compare", "constant", "return", "drop"}
    assert all(m.line == 4 for m in found) and all("y = x + 1" in m.source for m in found)

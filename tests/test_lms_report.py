"""RESULTS/index.html in headless Chromium, and the near-identical answer check behind it.

Hand-made results and notebooks: nothing is graded here.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from conftest import REPO
from test_book import CHROMIUM, CHROMIUM_ARGS, open_page

from grader.report import write_index
from grader.results import Result
from grader.similarity import THRESHOLD, answer_cells, similar_pairs

SOLUTION = REPO / "solutions" / "01_mental_model" / "01_mental_model.ipynb"
EXERCISE = REPO / "exercises" / "01_mental_model" / "01_mental_model.ipynb"
REFERENCES = {"01_mental_model": [EXERCISE, SOLUTION]}

HEADER = 'def sgd_from_scratch(learning_rate: float) -> optax.GradientTransformation:\n    """Plain SGD."""\n'
ADA = HEADER + (
    "    def init(params):\n"
    "        return optax.EmptyState()  # nothing to keep\n"
    "    def update(grads, state, params=None):\n"
    "        scaled = jax.tree.map(lambda g: g * (-learning_rate), grads)\n"
    "        return scaled, state\n"
    "    return optax.GradientTransformation(init, update)\n"
)
BOB = HEADER + (  # ADA's answer, renamed and reformatted
    "    def my_init(p):\n"
    "        return optax.EmptyState()\n\n"
    "    def my_update(gradients, s, p=None):\n"
    "        # scale by -lr\n"
    "        out = jax.tree.map(lambda x: x * (-learning_rate), gradients)\n"
    "        return out, s\n\n"
    "    return optax.GradientTransformation(my_init, my_update)\n"
)
EVE = HEADER + "    return optax.chain(optax.identity(), optax.scale(-learning_rate))\n"


def notebook(tmp_path: Path, student: str, q1: str | None) -> Path:
    """The solution notebook with the first answer replaced (None: the solution's own)."""
    nb = json.loads(SOLUTION.read_text())
    if q1 is not None:
        cell = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == "q1_answer")
        cell["source"] = q1
    path = tmp_path / student / "01_mental_model.ipynb"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(nb))
    return path


@pytest.fixture
def notebooks(tmp_path):
    found = {(s, "01_mental_model"): notebook(tmp_path, s, q1) for s, q1 in [("ada", ADA), ("bob", BOB), ("eve", EVE)]}
    found[("cy", "01_mental_model")] = notebook(tmp_path, "cy", None)  # the reference answer
    found[("dee", "01_mental_model")] = EXERCISE  # untouched
    return found


def test_renamed_and_reformatted_copies_are_flagged_and_nothing_else(notebooks):
    pairs = similar_pairs(notebooks, REFERENCES)
    assert [(p.first, p.second) for p in pairs] == [("ada", "bob")]
    assert pairs[0].ratio == 1.0


def test_the_reference_answer_and_the_starter_code_are_common_ground(notebooks):
    refs = {a: [answer_cells(p) for p in paths] for a, paths in REFERENCES.items()}
    assert refs["01_mental_model"][0].keys() == refs["01_mental_model"][1].keys()
    both_reference = {("cy", "01_mental_model"): notebooks[("cy", "01_mental_model")]}
    both_reference[("cy2", "01_mental_model")] = notebooks[("cy", "01_mental_model")]
    assert similar_pairs(both_reference, REFERENCES) == []
    assert len(similar_pairs(both_reference, {})) == 1, "without the references, two solutions would be flagged"


def graded_class() -> list[Result]:
    def q(q1, q2):
        return {"q1_visible": [q1, 1.0], "q1_hidden": [q1 * 2, 2.0], "q2_visible": [q2, 2.0], "q2_hidden": [q2, 2.0]}

    ada = Result("12345", "01_mental_model", 7.0, 7.0, "graded", "all passed", "cpu", q(1, 2), name="lovelaceada")
    bob = Result("23456", "01_mental_model", 3.0, 7.0, "graded", "q2 failed", "cpu", q(1, 0), name="turingalan")
    bob.late = True
    slow = Result("34567", "01_mental_model", 1.0, 7.0, "timeout", "cell 4 ran past 60 s", "cpu", q(0, 1))
    junk = Result("", "", 0.0, 0.0, "unrecognised_name", "instructions.pdf: not a Canvas download name")
    return [ada, bob, slow, junk]


def test_index_html_in_chromium(tmp_path):
    from playwright.sync_api import sync_playwright

    results = graded_class()
    for r in results[:2]:
        page = tmp_path / "feedback" / r.student / "01_mental_model.html"
        page.parent.mkdir(parents=True)
        page.write_text(f"<html><body><h1>feedback of {r.student}</h1></body></html>")
    pairs = similar_pairs(
        {("12345", "01_mental_model"): notebook(tmp_path / "nb", "ada", ADA)}
        | {("23456", "01_mental_model"): notebook(tmp_path / "nb", "bob", BOB)},
        REFERENCES,
    )
    index = write_index(results, tmp_path, pairs, THRESHOLD, "canvas")
    assert CHROMIUM.exists(), "Debian's chromium is needed: `make system-deps` installs it"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page, errors, failed = open_page(browser, index.as_uri())
        assert errors == [] and failed == []
        rows = page.locator("table.class tr")
        assert rows.count() == 4  # the header and three students
        assert rows.nth(0).inner_text().split("\t")[3:] == ["q1", "q2", "total", "status"]
        assert rows.nth(2).inner_text().split("\t") == ["23456", "turingalan", "late", "3/3", "0/4", "3/7", "graded"]
        assert "stopped: a cell ran past the time limit" in rows.nth(3).inner_text()
        assert page.locator("table.class a").count() == 2, "a link only where a feedback page exists"
        assert page.locator("svg[role=img]").count() == 2  # a histogram per question
        assert page.locator("svg[role=img]").nth(0).get_attribute("aria-label") == "histogram: {0: 1, 3: 2}"
        assert "at least 0.90" in page.locator("#threshold").inner_text()
        assert page.locator("table.pairs tr").nth(1).inner_text().split("\t") == [
            "01_mental_model",
            "12345",
            "23456",
            "1.00",
        ]
        assert "instructions.pdf" in page.locator("table.problems").inner_text()
        rows.nth(1).locator("a").click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "feedback of 12345"
        browser.close()
    assert copy.deepcopy(results) == graded_class(), "the report changes no score"

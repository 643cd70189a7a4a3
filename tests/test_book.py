"""The book: chapters paired with their notebooks, built with warnings as errors,
and opened in a real headless Chromium."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import jupytext
import pytest
import yaml
from conftest import REPO, chapter_ids

CHAPTERS = chapter_ids()
CHROMIUM = Path("/usr/bin/chromium")
# Chromium as root in a container, offline: no sandbox, no background traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def colab_url(chapter: str) -> str:
    config = yaml.safe_load((REPO / "_config.yml").read_text())
    org_repo = config["repository"]["url"].removeprefix("https://github.com/")
    branch = config["repository"]["branch"]
    return f"{config['launch_buttons']['colab_url']}/github/{org_repo}/blob/{branch}/book/{chapter}.ipynb"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_notebook_is_in_sync_with_its_markdown(chapter):
    md = jupytext.read(REPO / "book" / f"{chapter}.md")
    ipynb = jupytext.read(REPO / "book" / f"{chapter}.ipynb")
    assert [(c.cell_type, c.source) for c in md.cells] == [(c.cell_type, c.source) for c in ipynb.cells], (
        f"book/{chapter}.ipynb is out of sync: run `jupytext --sync book/{chapter}.md`"
    )
    assert all(not c.get("outputs") for c in ipynb.cells), "commit chapter notebooks without outputs"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_code_uses_tree_norm_not_the_deprecated_global_norm(chapter):
    code = [c.source for c in jupytext.read(REPO / "book" / f"{chapter}.md").cells if c.cell_type == "code"]
    assert not [src for src in code if "optax.global_norm(" in src], "use optax.tree.norm (global_norm warns)"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output readable
        pass


@pytest.fixture(scope="module")
def server(built_book):
    handler = functools.partial(QuietHandler, directory=str(built_book))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "Debian's chromium is needed: `make system-deps` installs it"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_page(browser, url):
    """Opens url and returns (page, console errors, failed requests)."""
    page = browser.new_page()
    errors, failed = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto(url, wait_until="networkidle")
    return page, errors, failed


def test_home_page_lists_the_chapters(browser, server):
    page, errors, failed = open_page(browser, f"{server}/book/index.html")
    assert not errors and not failed, (errors, failed)
    for chapter in CHAPTERS:
        assert page.locator(f"a[href*='{chapter}.html']").count() > 0, f"no link to {chapter}"
    page.close()


def test_execution_statistics_list_every_chapter(browser, server):
    page, errors, failed = open_page(browser, f"{server}/book/exec_stats.html")
    assert not errors and not failed, (errors, failed)
    table = page.locator("table").first.inner_text()
    for chapter in CHAPTERS:
        assert chapter in table, f"{chapter} is missing from the execution table"
    assert "✅" in table and "❌" not in table
    page.close()


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_renders_with_outputs_figure_and_colab_link(browser, server, chapter):
    page, errors, failed = open_page(browser, f"{server}/book/{chapter}.html")
    assert page.locator("h1").first.inner_text().strip(), "the page has no title"
    outputs = page.locator(".cell_output")
    assert outputs.count() >= 3, "executed code outputs are missing"
    assert "Traceback" not in page.locator("article").inner_text()
    figures = page.locator(".cell_output img")
    assert figures.count() >= 1, "the chapter has no figure"
    for i in range(figures.count()):
        loaded = figures.nth(i).evaluate("img => img.complete && img.naturalWidth > 100")
        assert loaded, f"figure {i} did not load"
    if page.locator("span.math").count():
        assert page.locator("mjx-container").count() > 0, "math was not typeset: is the vendored MathJax served?"
    colab = page.locator("a[href^='https://colab.research.google.com']")
    assert colab.count() >= 1, "no Colab launch link"
    assert colab_url(chapter) in [colab.nth(i).get_attribute("href") for i in range(colab.count())]
    assert not errors, f"console errors: {errors}"
    assert not failed, f"failed requests: {failed}"
    page.close()

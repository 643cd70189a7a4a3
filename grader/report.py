"""RESULTS/index.html: the page an instructor opens first.

The class table (student x question, statuses in words, each row linking to its
feedback page), the distribution of points on each question, what was not graded
and why, and pairs of near-identical answers (:mod:`grader.similarity`) flagged
for a human to look at. One self-contained file: no script, no network.

Example:
    >>> write_index(results, Path("results"), pairs=[], threshold=0.9)
"""

from __future__ import annotations

import collections
import html
from pathlib import Path
from urllib.parse import quote

from .results import Result, number, question_of
from .similarity import MIN_TOKENS, Pair
from .submissions import NOT_SUBMISSIONS

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; }
td.full { background: #e6f4ea; } td.part { background: #fff8e1; } td.zero { background: #fde7e9; }
.bar { fill: #4a7bd0; } svg text { font-size: 11px; }
"""


def write_index(
    results: list[Result], out: Path, pairs: list[Pair] | None = None, threshold: float | None = None, layout: str = ""
) -> Path:
    """Writes ``out/index.html``; ``pairs=None`` says the similarity check did not run."""
    graded = [r for r in results if r.status not in NOT_SUBMISSIONS]
    questions = _questions(graded)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8"><title>Grading results</title>',
        f"<style>{_STYLE}</style></head><body>",
        "<h1>Grading results</h1>",
        f"<p id='counts'>{len(graded)} submissions from {len({r.student for r in graded})} students"
        + (f" (layout: {html.escape(layout)})" if layout else "")
        + f"; {sum(r.status == 'graded' for r in graded)} graded. Scores: <a href='grades.csv'>grades.csv</a>,"
        " <a href='canvas.csv'>canvas.csv</a>, <a href='results.json'>results.json</a>.</p>",
    ]
    parts += _class_table(graded, questions, out)
    parts += _distributions(graded, questions)
    parts += _pairs(pairs, threshold)
    parts += _problems([r for r in results if r.status in NOT_SUBMISSIONS])
    parts.append("</body></html>")
    path = out / "index.html"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def _questions(results: list[Result]) -> dict[str, list[str]]:
    """Each assignment's questions, in grade-id order."""
    found: dict[str, dict[str, None]] = collections.defaultdict(dict)
    for r in results:
        for grade_id in r.questions:
            found[r.assignment][question_of(grade_id)] = None
    return {a: sorted(qs) for a, qs in found.items()}


def _per_question(r: Result) -> dict[str, list[float]]:
    totals: dict[str, list[float]] = {}
    for grade_id, (score, top) in r.questions.items():
        acc = totals.setdefault(question_of(grade_id), [0.0, 0.0])
        acc[0] += score
        acc[1] += top
    return totals


def _class_table(results: list[Result], questions: dict[str, list[str]], folder: Path) -> list[str]:
    out = ["<h2>Class</h2>"]
    for assignment in sorted({r.assignment for r in results}):
        qs = questions.get(assignment, [])
        head = "".join(f"<th>{html.escape(q)}</th>" for q in qs)
        out.append(f"<h3>{html.escape(assignment)}</h3>")
        out.append(f'<table class="class" data-assignment="{html.escape(assignment)}">')
        out.append(f"<tr><th>student</th><th>name</th><th>late</th>{head}<th>total</th><th>status</th></tr>")
        for r in sorted((r for r in results if r.assignment == assignment), key=lambda r: r.student):
            per = _per_question(r)
            cells = "".join(_score_cell(*per[q]) if q in per else "<td>not run</td>" for q in qs)
            link = f"feedback/{quote(r.student)}/{quote(assignment)}.html"
            total = f"{number(r.score)}/{number(r.max_score)}"
            if (folder / "feedback" / r.student / f"{assignment}.html").is_file():  # none for an unreadable notebook
                total = f'<a href="{link}">{total}</a>'
            who = f"<td>{html.escape(r.student)}</td><td>{html.escape(r.name)}</td><td>{'late' if r.late else ''}</td>"
            out.append(
                f"<tr>{who}{cells}<td>{total}</td><td title='{html.escape(r.detail)}'>{_status_words(r)}</td></tr>"
            )
        out.append("</table>")
    return out


def _score_cell(score: float, top: float) -> str:
    kind = "full" if top and score >= top else "zero" if score <= 0 else "part"
    return f'<td class="{kind}">{number(score)}/{number(top)}</td>'


def _status_words(r: Result) -> str:
    words = {
        "graded": "graded",
        "timeout": "stopped: a cell ran past the time limit",
        "memory_limit": "stopped: out of memory",
        "process_limit": "stopped: too many processes",
        "kernel_died": "the kernel died",
        "tampered": "test cells were changed",
        "invalid_notebook": "not a readable notebook",
        "error": "the grader failed",
    }
    return html.escape(words.get(r.status, r.status.replace("_", " ")))


def _distributions(results: list[Result], questions: dict[str, list[str]]) -> list[str]:
    out = ["<h2>Distributions</h2>", "<p>Students per points earned, for each question.</p>"]
    for assignment in sorted(questions):
        for q in questions[assignment]:
            earned = [_per_question(r)[q] for r in results if r.assignment == assignment and q in _per_question(r)]
            top = max(t for _, t in earned)
            counts = collections.Counter(round(s) for s, _ in earned)
            out.append(f"<figure><figcaption>{html.escape(assignment)} · {html.escape(q)} (max {number(top)})")
            out.append(f"</figcaption>{_histogram(counts, int(round(top)))}</figure>")
    return out


def _histogram(counts: collections.Counter, top: int) -> str:
    width, height, bar = 30 * (top + 1) + 10, 110, 24
    most = max(counts.values()) if counts else 1
    items = []
    for points in range(top + 1):
        n = counts.get(points, 0)
        h = 80 * n / most
        x = 5 + 30 * points
        items.append(
            f'<rect class="bar" x="{x}" y="{90 - h:.1f}" width="{bar}" height="{h:.1f}"><title>{n}</title></rect>'
        )
        items.append(f'<text x="{x + 8}" y="104">{points}</text><text x="{x + 8}" y="{86 - h:.1f}">{n}</text>')
    label = f"histogram: {dict(sorted(counts.items()))}"
    return f'<svg role="img" aria-label="{label}" width="{width}" height="{height}">{"".join(items)}</svg>'


def _pairs(pairs: list[Pair] | None, threshold: float | None) -> list[str]:
    out = ["<h2>Near-identical answers</h2>"]
    if pairs is None:
        return [*out, "<p>Not checked for these results (the submissions were not at hand).</p>"]
    out.append(
        f"<p id='threshold'>Pairs of students whose answer cells have a token similarity of at least {threshold:.2f}"
        " after renaming variables and dropping comments, docstrings and formatting; answers equal to the"
        f" starter code or the reference solution are left out, and so are answers under {MIN_TOKENS} tokens."
        " They are for a human to look at: no score was changed.</p>"
    )
    if not pairs:
        return [*out, "<p>None.</p>"]
    out.append('<table class="pairs"><tr><th>assignment</th><th>student</th><th>student</th><th>similarity</th></tr>')
    for p in sorted(pairs, key=lambda p: -p.ratio):
        links = [
            f'<a href="feedback/{quote(s)}/{quote(p.assignment)}.html">{html.escape(s)}</a>'
            for s in (p.first, p.second)
        ]
        out.append(
            f"<tr><td>{html.escape(p.assignment)}</td><td>{links[0]}</td><td>{links[1]}</td><td>{p.ratio:.2f}</td></tr>"
        )
    return [*out, "</table>"]


def _problems(rows: list[Result]) -> list[str]:
    out = ["<h2>Files not graded</h2>"]
    if not rows:
        return [*out, "<p>None.</p>"]
    out.append('<table class="problems"><tr><th>student</th><th>file</th><th>why</th></tr>')
    for r in sorted(rows, key=lambda r: (r.student, r.assignment)):
        out.append(
            f"<tr><td>{html.escape(r.student)}</td><td>{html.escape(r.assignment)}</td><td>{html.escape(r.detail)}</td></tr>"
        )
    return [*out, "</table>"]

"""``python -m tests.mutation``: score the exercises' tests against AST mutants.

Runs the questions whose solution or tests changed since the committed report (or the
ones named with --only, or all with --all), updates tests/mutation_report.{json,md} and
exits 1 when a question kills fewer than 90% of its non-equivalent mutants or has a
survivor without a reason.

Example:
    python -m tests.mutation --only 04_schedules/q1 --jobs 2
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from tests.mutation import report as rep
from tests.mutation.runner import all_questions, run_one


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=None, help="question ids, e.g. 01_mental_model/q1")
    parser.add_argument("--all", action="store_true", help="rerun every question, stale or not")
    parser.add_argument("--jobs", type=int, default=1, help="questions graded in parallel processes")
    parser.add_argument("--baseline", action="store_true", help="record these results as the 'before' scores")
    parser.add_argument("--no-write", action="store_true", help="print the results as JSON, write nothing")
    args = parser.parse_args(argv)

    report = rep.load()
    known = all_questions()
    if args.only:
        todo = args.only
    elif args.all:
        todo = list(known)
    else:
        todo = [q for q, question in known.items() if report["questions"].get(q, {}).get("digest") != question.digest]
    unknown = sorted(set(todo) - set(known))
    if unknown:
        parser.error(f"no such question: {unknown}")
    results, errors = {}, []
    if args.jobs > 1 and len(todo) > 1:
        with ProcessPoolExecutor(args.jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
            done = list(pool.map(run_one, todo))
    else:
        done = [run_one(qid) for qid in todo]
    for qid, result in done:
        if "error" in result:
            errors.append(result["error"])
            print(result["error"], file=sys.stderr)
            continue
        results[qid] = result
        print(f"{qid}: {result['killed']}/{result['mutants']} killed in {result['seconds']} s", flush=True)
    merged = {q: rep.merge(report["questions"].get(q), r, args.baseline) for q, r in results.items()}
    if args.no_write:
        print(json.dumps(merged))
        return 1 if errors else 0
    report["questions"] = {q: e for q, e in {**report["questions"], **merged}.items() if q in known}
    rep.write(report)
    failing = {q: rep.problems(e) for q, e in sorted(report["questions"].items()) if rep.problems(e)}
    for qid, why in failing.items():
        print(f"{qid}: " + "; ".join(why), file=sys.stderr)
    print(f"report: {Path(rep.REPORT).relative_to(rep.REPO)} ({len(report['questions'])} questions)")
    return 1 if failing or errors else 0


if __name__ == "__main__":
    sys.exit(main())

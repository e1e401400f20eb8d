"""Run the stages of `make test` (or of the quicker `make check`) and end with a table of their times.

Stages run in order and the first failure stops the run; the table shows every stage that ran and
its result either way, and is written to _build/test-stages.md, where `make bench` reads it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
REPORT = ROOT / "_build" / "test-stages.md"
JOBS = str(max(1, os.cpu_count() or 1))

STAGES = {
    "lint": [BIN / "ruff", "check", "gencnn", "tests", "tools", "book"],
    "unit tests": [BIN / "pytest", "-m", "not browser and not labs", "-n", JOBS],
    "lab questions": [BIN / "pytest", "-m", "labs and not whole_notebook", "-n", JOBS, "--dist", "loadgroup"],
    "labs graded whole": [BIN / "pytest", "-m", "labs and whole_notebook", "-n", JOBS,
                          "--dist", "loadgroup"],
    "chapters executed": [BIN / "python", "tools/execute_chapters.py", "--jobs", JOBS],
    "strict build": [BIN / "jupyter-book", "build", ".", "-W", "-n", "--keep-going"],
    "internal links": [BIN / "python", "tools/check_links.py"],
    "browser": [BIN / "pytest", "-m", "browser", "-n", JOBS],
}
SUITES = {
    "test": list(STAGES),
    "check": ["lint", "unit tests", "lab questions"],
}


def table(rows: list[tuple[str, float, str]], suite: str) -> str:
    total = sum(seconds for _, seconds, _ in rows)
    lines = [f"make {suite}: stages on {os.cpu_count()} cores", "", "| stage | seconds | result |",
             "| --- | ---: | --- |", *(f"| {name} | {seconds:.0f} | {result} |" for name, seconds, result in rows),
             f"| **total** | **{total:.0f}** ({total / 60:.1f} min) | |"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("suite", choices=SUITES, help="test: every check; check: the quick edit loop")
    args = parser.parse_args(argv)
    rows = []
    status = 0
    for name in SUITES[args.suite]:
        print(f"\n=== {args.suite}: {name} ===", flush=True)
        started = time.perf_counter()
        status = subprocess.run([str(part) for part in STAGES[name]], cwd=ROOT).returncode
        rows.append((name, time.perf_counter() - started, "passed" if status == 0 else f"FAILED (exit {status})"))
        if status:
            break
    report = table(rows, args.suite)
    print("\n" + report)
    if args.suite == "test":
        REPORT.parent.mkdir(exist_ok=True)
        REPORT.write_text(report)
    return status


if __name__ == "__main__":
    sys.exit(main())

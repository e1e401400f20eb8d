"""Benchmark (not a test): `make test` from a clean build, stage by stage, each chapter, and a warm rebuild.

Run through `make bench`, which pins the embedded data. It removes _build, runs `make test` (which
runs every chapter once, in parallel, into the execution cache, then builds), reads the stage table
that run wrote and each chapter's execution time from the cache, then times a rebuild with nothing
changed. Prints a Markdown report and writes it to bench/results.md with the machine it ran on.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import time
from datetime import date
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from execute_chapters import CACHE, ROOT, chapters  # noqa: E402
from test_stages import REPORT, STAGES  # noqa: E402


def timed(command: list[str]) -> float:
    print(f"bench: {' '.join(command)} ...", flush=True)
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True)
    return time.perf_counter() - started


def chapter_seconds() -> list[tuple[str, float]]:
    """Each chapter's execution time in the last run, as the jupyter-cache recorded it."""
    import nbformat
    from jupyter_cache import get_cache

    cache = get_cache(str(CACHE))
    rows = []
    for path in chapters():
        record = cache.match_cache_notebook(nbformat.read(path, as_version=4))
        rows.append((str(path.relative_to(ROOT)), record.data["execution_seconds"]))
    return rows


def main() -> None:
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    test_seconds = timed(["make", "test"])
    stages = REPORT.read_text().split("\n", 2)[2].strip()
    chapter_rows = chapter_seconds()
    warm_seconds = timed([str(STAGES["strict build"][0]), *map(str, STAGES["strict build"][1:])])
    lines = [
        f"Measured {date.today().isoformat()} on {os.cpu_count()} cores, {platform.machine()}, "
        f"Python {platform.python_version()}, TensorFlow {version('tensorflow')}, "
        f"data source {os.environ.get('GENCNN_DATA_SOURCE', 'auto')}.",
        "",
        f"## `make test` from a clean build: {test_seconds:.0f} s ({test_seconds / 60:.1f} min)",
        "",
        "The .venv set-up of a fresh clone comes before this and is not counted here.",
        "",
        stages,
        "",
        "## Each chapter, as executed in that run (two at a time)",
        "",
        "| chapter | seconds |",
        "| --- | ---: |",
        *(f"| {name} | {seconds:.1f} |" for name, seconds in chapter_rows),
        "",
        f"## A rebuild with nothing changed: {warm_seconds:.1f} s",
    ]
    report = "\n".join(lines) + "\n"
    (ROOT / "bench" / "results.md").write_text("# Benchmark\n\n" + report)
    print("\n" + report + "\nSaved to bench/results.md")


if __name__ == "__main__":
    main()

"""Benchmark (not a test): time each notebook, a cold and a warm book build, and the test suite.

Run through `make bench`, which pins the embedded data. Prints a Markdown table and writes it to
bench/results.md together with the machine it was measured on.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from importlib.metadata import version
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
BUILD = [str(BIN / "jupyter-book"), "build", ".", "-W", "-n", "--keep-going"]


def timed(label: str, action) -> tuple[str, float]:
    print(f"bench: {label} ...", flush=True)
    start = time.perf_counter()
    action()
    seconds = time.perf_counter() - start
    print(f"bench: {label}: {seconds:.1f} s", flush=True)
    return label, seconds


def execute_notebook(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as folder:
        NotebookClient(notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": folder}}).execute()


def run(command: list[str]) -> None:
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    rows = [timed(f"execute {path.relative_to(ROOT)}", lambda path=path: execute_notebook(path))
            for path in sorted((ROOT / "book").glob("*.ipynb"))]
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    rows.append(timed("cold build (cache cleared)", lambda: run(BUILD)))
    rows.append(timed("warm rebuild (nothing changed)", lambda: run(BUILD)))
    rows.append(timed("make test (after the builds above)", lambda: run(["make", "test"])))

    lines = [
        f"Measured {date.today().isoformat()} on {os.cpu_count()} cores, {platform.machine()}, "
        f"Python {platform.python_version()}, TensorFlow {version('tensorflow')}, "
        f"data source {os.environ.get('GENCNN_DATA_SOURCE', 'auto')}.",
        "",
        "| step | seconds |",
        "| --- | ---: |",
        *(f"| {label} | {seconds:.1f} |" for label, seconds in rows),
    ]
    table = "\n".join(lines) + "\n"
    (ROOT / "bench").mkdir(exist_ok=True)
    (ROOT / "bench" / "results.md").write_text("# Benchmark\n\n" + table)
    print("\n" + table + "\nSaved to bench/results.md")


if __name__ == "__main__":
    main()

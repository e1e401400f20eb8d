"""Run every chapter once, in parallel, into the build's execution cache: the notebook check of `make test`.

Each chapter runs top to bottom in a fresh kernel, in a temporary folder, with the book's cell time
limit. A cell that raises fails this step, naming the chapter and the cell. The executed notebooks are
stored in the jupyter-cache that `jupyter-book build` reads (execute_notebooks: cache), so the build
renders them without running them again. A chapter whose code is already cached is not run.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "_build" / ".jupyter_cache"  # Jupyter Book's default cache folder (nb_execution_cache_path)


def chapters() -> list[Path]:
    return sorted((ROOT / "book").glob("*.ipynb"))


def cell_timeout() -> int:
    return yaml.safe_load((ROOT / "_config.yml").read_text())["execute"]["timeout"]


def shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def execute(path: Path, timeout: int) -> tuple[str, float, str | None]:
    """Worker: (executed notebook as text, seconds, error report or None)."""
    from jupyter_cache.executors.utils import single_nb_execution

    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 2)  # the kernels inherit this worker's stderr: TensorFlow's start-up log stays out of the report
    notebook = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as folder:
        result = single_nb_execution(notebook, cwd=folder, timeout=timeout, allow_errors=False)
    error = None if result.err is None else f"{type(result.err).__name__}: {result.exc_string}"
    return nbformat.writes(notebook), result.time, error


def run(paths: list[Path], cache_folder: Path, jobs: int) -> int:
    """Execute the uncached notebooks among `paths`, cache the ones that pass; return how many failed."""
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    cache = get_cache(str(cache_folder))
    todo = []
    for path in paths:
        try:
            cache.match_cache_notebook(nbformat.read(path, as_version=4))
            print(f"{shown(path)}: cached, not run", flush=True)
        except KeyError:  # jupyter-cache's answer for a notebook whose code it has not run
            todo.append(path)
    if not todo:
        return 0
    print(f"Running {len(todo)} notebook(s), {jobs} at a time ...", flush=True)
    failed = []
    timeout = cell_timeout()
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(execute, path, timeout): path for path in todo}
        for done, future in enumerate(as_completed(futures), 1):
            path = futures[future]
            text, seconds, error = future.result()
            name = shown(path)
            if error:
                failed.append(path)
                print(f"[{done}/{len(todo)}] {name}: FAILED after {seconds:.0f} s\n{error}", flush=True)
                continue
            cache.cache_notebook_bundle(CacheBundleIn(nbformat.reads(text, as_version=4), str(path),
                                                      data={"execution_seconds": seconds}),
                                        check_validity=False, overwrite=True)
            print(f"[{done}/{len(todo)}] {name}: {seconds:.0f} s", flush=True)
    print(f"Ran {len(todo)} notebook(s) in {time.perf_counter() - started:.0f} s; "
          f"{len(failed)} failed{': ' if failed else ''}{', '.join(map(shown, failed))}")
    return len(failed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run (default: every chapter)")
    parser.add_argument("--cache", type=Path, default=CACHE, help="the jupyter-cache folder")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="notebooks run at once")
    args = parser.parse_args()
    if args.jobs < 1:
        parser.error(f"--jobs must be at least 1, not {args.jobs}")
    paths = [path.resolve() for path in args.notebooks] or chapters()
    return 1 if run(paths, args.cache, args.jobs) else 0


if __name__ == "__main__":
    sys.exit(main())

"""Write a lab's otter autograder zip, for Gradescope or `otter grade` (Docker): `make autograder LAB=lab01`.

The zip holds the lab's public and hidden tests, the helper package as a wheel (its datasets inside)
and the pinned versions of what the labs import, so the grading environment that otter's setup.sh
builds from it needs nothing from this repository. `make grade` grades with the same zip.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from make_labs import ROOT, assign, master_path, masters

PYTHON_VERSION = "3.11"  # the Python the course's lock is tested on
# What the lab notebooks import, pinned as in the lock (pip resolves what these need in turn).
RUNTIME = ("numpy", "matplotlib", "anywidget", "ipywidgets", "tensorflow", "keras")
# Gradescope and otter's Docker image unpack the zip here; otter generate puts added files in files/.
SOURCE = "/autograder/source"
# Grade on the datasets inside the package, as `make grade` does, so both give the same scores.
DATA_SOURCE_LINE = "export GENCNN_DATA_SOURCE=embedded\n"
PACKAGE_FILES = ("pyproject.toml", "README.md", "gencnn")
ASSIGNED = "assigned"  # build()'s folder for otter assign's output: autograder/<lab>.ipynb holds the solutions


def pinned_runtime() -> list[str]:
    lock = (ROOT / "requirements" / "lock.txt").read_text()
    pins = []
    for name in RUNTIME:
        match = re.search(rf"^{re.escape(name)}==(\S+)", lock, re.MULTILINE)
        if match is None:
            raise SystemExit(f"requirements/lock.txt does not pin {name}, which the labs import")
        pins.append(f"{name}=={match.group(1)}")
    return pins


def build_wheel(folder: Path) -> Path:
    """The helper package as a wheel in `folder`, built from a copy so the source tree stays clean."""
    source = folder / "package-source"
    source.mkdir()
    for name in PACKAGE_FILES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(path, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
                    "--disable-pip-version-check", "-w", str(folder), str(source)], check=True)
    return next(folder.glob("gencnn-*.whl"))


def with_data_source(run_autograder: str) -> str:
    """otter's run_autograder with the data source set before the grading starts."""
    anchor = "python "
    if anchor not in run_autograder:
        raise SystemExit(f"otter's run_autograder has changed; no line starts the grading:\n{run_autograder}")
    start = run_autograder.index(anchor)
    return run_autograder[:start] + DATA_SOURCE_LINE + run_autograder[start:]


def build(lab: str, folder: Path) -> Path:
    """Write `lab`'s autograder zip into `folder` (which must be empty or new) and return its path."""
    from otter.generate import main as generate

    master = master_path(lab)
    if not master.is_file():
        raise SystemExit(f"unknown lab {lab!r}: the labs are {', '.join(path.stem for path in masters())}")
    assigned = folder / ASSIGNED
    assign(master, assigned)
    autograder = assigned / "autograder"  # the solutions, every test (hidden ones too), otter_config.json
    wheel = build_wheel(autograder)
    (autograder / "requirements.txt").write_text(
        "\n".join([f"{SOURCE}/files/{wheel.name}", *pinned_runtime()]) + "\n")
    generated = folder / "generated.zip"
    here = Path.cwd()
    os.chdir(autograder)  # otter generate takes the files to add relative to the working folder
    try:
        generate(tests_dir="tests", output_path=str(generated), config="otter_config.json",
                 requirements="requirements.txt", no_environment=True, files=[wheel.name],
                 python_version=PYTHON_VERSION)
    finally:
        os.chdir(here)
    result = folder / f"{lab}-autograder.zip"
    with zipfile.ZipFile(generated) as source, zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "run_autograder":
                data = with_data_source(data.decode()).encode()
            target.writestr(item, data)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lab", help="lab01 ... lab07")
    parser.add_argument("--output", type=Path, default=ROOT / "_build" / "autograder", help="folder for the zip")
    args = parser.parse_args()
    args.output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        print(f"Building {args.lab}'s autograder (otter assign, the helper package's wheel) ...", flush=True)
        built = build(args.lab, Path(folder))
        target = args.output / built.name
        shutil.copy(built, target)
    print(f"Wrote {target}\nUpload it to the Gradescope assignment's autograder settings, or grade a folder "
          f"of submissions in Docker with: otter grade -a {target} folder")


if __name__ == "__main__":
    main()

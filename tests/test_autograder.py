"""make autograder's zips, checked as Gradescope and `otter grade` (Docker) would use them, without either.

Both unpack the zip into /autograder/source, build an environment from its environment.yml and run
otter on each submission with its run_autograder. Here: a fresh venv gets exactly the pip requirements
of the zip (paths under /autograder/source pointed at the unpacked zip), and `otter run` grades each
lab's solutions with the zip, under the variables its run_autograder exports. Full marks, every lab.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import autograder  # noqa: E402
import make_labs  # noqa: E402

LABS = [master.stem for master in make_labs.masters()]

# One worker builds the venv once and grades every lab in it.
pytestmark = [pytest.mark.labs, pytest.mark.whole_notebook, pytest.mark.xdist_group("autograder")]


def unpack(archive: Path, folder: Path) -> dict:
    """Unpack the zip into folder; return its pip requirements (as the container sees them) and exports."""
    with zipfile.ZipFile(archive) as handle:
        handle.extractall(folder)
    environment = yaml.safe_load((folder / "environment.yml").read_text())
    pip = next(item["pip"] for item in environment["dependencies"] if isinstance(item, dict))
    python = next(item for item in environment["dependencies"] if isinstance(item, str) and item.startswith("python="))
    exports = dict(re.findall(r"^export (\w+)=(\S+)$", (folder / "run_autograder").read_text(), re.MULTILINE))
    exports.pop("PATH", None)
    return {"pip": pip, "python": python, "exports": exports}


@pytest.fixture(scope="module")
def zips(tmp_path_factory):
    """lab -> (zip, solutions notebook, unpacked description), built on first use."""
    cache = {}

    def get(lab):
        if lab not in cache:
            folder = tmp_path_factory.mktemp(lab)
            archive = autograder.build(lab, folder)
            solutions = folder / autograder.ASSIGNED / "autograder" / f"{lab}.ipynb"
            cache[lab] = (archive, solutions, unpack(archive, folder / "unpacked"), folder / "unpacked")
        return cache[lab]

    return get


@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory, zips):
    """A venv with nothing but the first lab's zip's requirements (every lab's zip asks for the same)."""
    _, _, described, unpacked = zips(LABS[0])
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    requirements = [item.replace(autograder.SOURCE, str(unpacked)) for item in described["pip"]]
    installed = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                                "--disable-pip-version-check", *requirements], capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr[-3000:]
    return venv, described


def test_the_zip_carries_the_package_and_pins_what_the_labs_import(zips):
    archive, _, described, unpacked = zips(LABS[0])
    wheels = list((unpacked / "files").glob("gencnn-*.whl"))
    assert len(wheels) == 1 and f"{autograder.SOURCE}/files/{wheels[0].name}" in described["pip"]
    with zipfile.ZipFile(wheels[0]) as wheel:
        datasets = [name for name in wheel.namelist() if name.startswith("gencnn/datasets/")]
    shipped = sorted(path.name for path in (ROOT / "gencnn" / "datasets").iterdir() if path.is_file())
    assert sorted(Path(name).name for name in datasets) == shipped
    lock = (ROOT / "requirements" / "lock.txt").read_text()
    for name in autograder.RUNTIME:
        pin = re.search(rf"^{name}==\S+", lock, re.MULTILINE).group(0)
        assert pin in described["pip"], f"{name} is not pinned as in the lock ({pin}) in {described['pip']}"
    assert described["python"] == f"python={autograder.PYTHON_VERSION}"
    assert described["exports"] == {"GENCNN_DATA_SOURCE": "embedded"}
    hidden = [path.name for path in (unpacked / "tests").glob("*.py") if "hidden=True" in path.read_text()]
    assert hidden, f"{archive.name} has no hidden tests"


@pytest.mark.parametrize("lab", LABS)
def test_otter_run_with_the_zip_gives_the_solutions_full_marks(lab, zips, fresh_venv, tmp_path):
    venv, installed = fresh_venv
    archive, solutions, described, _ = zips(lab)
    assert described["pip"] == installed["pip"], f"{lab}'s zip asks for other requirements than {LABS[0]}'s"
    environment = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path), **described["exports"],
                   "TF_CPP_MIN_LOG_LEVEL": os.environ.get("TF_CPP_MIN_LOG_LEVEL", "3")}
    run = subprocess.run([str(venv / "bin" / "python"), "-m", "otter", "run", "--no-logo", "-a", str(archive),
                          "-o", str(tmp_path), str(solutions)], cwd=tmp_path, env=environment,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    results = json.loads((tmp_path / "results.json").read_text())
    scores = {test["name"]: test["score"] for test in results["tests"] if "score" in test}
    assert scores == pytest.approx(make_labs.questions(make_labs.master_path(lab))), run.stdout[-3000:]

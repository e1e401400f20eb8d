"""Generate the student labs from their masters: solutions/labNN/labNN.ipynb -> labs/labNN/.

otter assign turns each master into a student notebook (solutions replaced by `...`) and its public
tests. This script then gives the notebook an "Open in Colab" badge and a set-up cell built from the
repository setting in _config.yml, and numbers its cells so that the output does not change between
runs. Run without arguments to rewrite labs/; with --check, only report what is out of date.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import yaml
from sync_notebooks import colab_install, colab_url, raw_url, repository_url

ROOT = Path(__file__).resolve().parent.parent
MASTERS = ROOT / "solutions"
LABS = ROOT / "labs"
SETUP_TAG = "lab-setup"  # the master's cell that starts the checker; replaced by the Colab-aware set-up


def masters() -> list[Path]:
    return sorted(MASTERS.glob("lab*/lab*.ipynb"))


def master_path(lab: str) -> Path:
    return MASTERS / lab / f"{lab}.ipynb"


def student_path(lab: str) -> Path:
    return LABS / lab / f"{lab}.ipynb"


def otter_requirement() -> str:
    """otter-grader pinned as in the lock, so Colab grades with the version the instructor uses."""
    match = re.search(r"^otter-grader==(\S+)", (ROOT / "requirements" / "lock.txt").read_text(), re.MULTILINE)
    return f"otter-grader=={match.group(1)}"


def assign(master: Path, output: Path) -> None:
    """Run otter assign: output/student (notebook + public tests) and output/autograder (+ hidden tests)."""
    result = subprocess.run([sys.executable, "-m", "otter", "assign", "--no-pdfs", str(master), str(output)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"otter assign failed on {master.relative_to(ROOT)}:\n{result.stdout}{result.stderr}")


def _question_configs(master: Path) -> list[dict]:
    """The configuration of each BEGIN QUESTION cell of the master, in order."""
    return [yaml.safe_load(cell.source.split("\n", 1)[1]) for cell in nbformat.read(master, as_version=4).cells
            if cell.cell_type == "raw" and cell.source.startswith("# BEGIN QUESTION")]


def questions(master: Path) -> dict[str, float]:
    """Autograded question name -> points (the tests grade these)."""
    return {config["name"]: config.get("points", 1) for config in _question_configs(master)
            if not config.get("manual")}


def written_questions(master: Path) -> dict[str, float]:
    """Written question name -> points (otter's manual questions: the instructor grades these)."""
    return {config["name"]: config.get("points", 1) for config in _question_configs(master) if config.get("manual")}


def colab_links(lab: str) -> tuple[str, str]:
    """(Open in Colab URL, raw URL of the lab's folder) for labs/<lab>/ on the repository's branch."""
    return colab_url(f"labs/{lab}/{lab}.ipynb"), raw_url(f"labs/{lab}")


def setup_source(lab: str, names: list[str]) -> str:
    _, raw = colab_links(lab)
    return (
        "# Set-up. In Colab this installs the course package and otter-grader and fetches the public\n"
        "# tests; in a local clone of the course everything is in place and it only starts the checker.\n"
        + colab_install(repository_url(), "otter", (otter_requirement(),)) + "\n"
        "\n"
        "import pathlib\n"
        "import urllib.request\n"
        "\n"
        'tests = pathlib.Path("tests")\n'
        "if not tests.is_dir():\n"
        "    tests.mkdir()\n"
        f"    for question in {names!r}:\n"
        f'        urllib.request.urlretrieve(f"{raw}/tests/{{question}}.py", tests / f"{{question}}.py")\n'
        "\n"
        "from gencnn.labs import public_checks\n"
        "\n"
        "grader = public_checks()  # otter's checker; it says when only the public tests have passed"
    )


def student_notebook(path: Path, lab: str, names: list[str]) -> str:
    notebook = nbformat.read(path, as_version=4)
    colab, _ = colab_links(lab)
    badge = nbformat.v4.new_markdown_cell(
        f"[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)]({colab})")
    cells = [badge]
    for cell in notebook.cells:
        if SETUP_TAG in cell.metadata.get("tags", []):
            cell.source = setup_source(lab, names)
            cell.metadata.pop("tags")
        cells.append(cell)
    for index, cell in enumerate(cells):
        cell.id = f"{lab}-{index:02d}"
    notebook.cells = cells
    return nbformat.writes(notebook) + "\n"


def chapter_of(lab: str) -> tuple[str, str]:
    """(document name, title) of the book chapter a lab goes with: lab03 -> book/03_*.ipynb."""
    path = next((ROOT / "book").glob(f"{lab.removeprefix('lab')}_*.ipynb"))
    heading = next(cell.source for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "markdown")
    return path.stem, heading.splitlines()[0].lstrip("# ").strip()


def labs_page() -> str:
    """book/labs.md: every lab with its chapter, questions, points, Colab link and download link."""
    rows = []
    for master in masters():
        lab = master.stem
        points, written = questions(master), written_questions(master)
        document, title = chapter_of(lab)
        colab, _ = colab_links(lab)
        number = int(lab.removeprefix("lab"))
        rows.append(f"| {number} | [{title}]({document}.ipynb) | {len(points)} + {len(written)} "
                    f"| {sum(points.values()):g} + {sum(written.values()):g} "
                    f"| [Open in Colab]({colab}) | {{download}}`{lab}.ipynb <../labs/{lab}/{lab}.ipynb>` |")
    return "\n".join([
        "# Labs",
        "",
        "<!-- Written by tools/make_labs.py (make labs) from the lab masters; edit those, not this page. -->",
        "",
        "Each chapter has a graded lab: a notebook of questions in which you implement what the chapter",
        "explains and train models on the course's data. Open it in Colab, or download it and run it in",
        "Jupyter from a clone of the course. Its first cell sets everything up: in Colab it installs the",
        "course package and the grader and fetches the lab's public tests.",
        "",
        "Under every answer cell, `grader.check(\"q1\")` runs that question's public tests, so you see",
        "at once whether your answer is on the right track. Your instructor grades the submitted notebook",
        "with hidden tests as well, which look for the usual mistakes, so passing the public tests is",
        "necessary but not sufficient. Each lab runs in a few minutes on a laptop CPU.",
        "",
        "Each lab also asks at least one written question, where you explain a result of your own run in a",
        "few sentences; your instructor reads and grades those. The table counts the autograded questions",
        "and points first, the written ones second.",
        "",
        "| Lab | Chapter | Questions | Points | Colab | Download |",
        "| ---: | --- | ---: | ---: | --- | --- |",
        *rows,
        "",
    ])


def generate(master: Path, assigned: Path) -> dict[Path, str]:
    """The files of labs/<lab>/ (relative path -> text), from otter assign's output folder for the master."""
    lab = master.stem
    student = assigned / "student"
    files = {Path(lab) / f"{lab}.ipynb": student_notebook(student / f"{lab}.ipynb", lab, list(questions(master)))}
    for test in sorted((student / "tests").glob("*.py")):
        files[Path(lab) / "tests" / test.name] = test.read_text()
    return files


def differences(lab: str, wanted: dict[Path, str]) -> dict[Path, str]:
    """Files of labs/<lab>/ that differ from `wanted`: relative path -> what is wrong."""
    folder = LABS / lab
    present = {path.relative_to(LABS) for path in [*folder.glob("*.ipynb"), *folder.glob("tests/*.py")]}
    found = {path: "not generated from the master" for path in present - set(wanted)}
    for path, text in wanted.items():
        target = LABS / path
        if not target.is_file() or target.read_text() != text:
            found[path] = "out of date"
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labs", nargs="*", metavar="LAB", help="only these labs (lab01 ...); all when none")
    parser.add_argument("--check", action="store_true", help="report out-of-date labs, change nothing")
    args = parser.parse_args()
    unknown = sorted(set(args.labs) - {master.stem for master in masters()})
    if unknown:
        parser.error(f"no master for {', '.join(unknown)}; the labs are {', '.join(m.stem for m in masters())}")
    stale = {}
    for master in masters():
        if args.labs and master.stem not in args.labs:
            continue
        print(f"{master.relative_to(ROOT)}", flush=True)
        with tempfile.TemporaryDirectory() as folder:
            assign(master, Path(folder))
            wanted = generate(master, Path(folder))
        found = differences(master.stem, wanted)
        stale.update({f"labs/{path}": problem for path, problem in found.items()})
        if not args.check:
            for path in found:
                if path in wanted:
                    (LABS / path).parent.mkdir(parents=True, exist_ok=True)
                    (LABS / path).write_text(wanted[path])
                else:
                    (LABS / path).unlink()
    page = ROOT / "book" / "labs.md"
    if not page.is_file() or page.read_text() != labs_page():
        stale["book/labs.md"] = "out of date"
        if not args.check:
            page.write_text(labs_page())
    for path, problem in stale.items():
        print(f"{path}: {problem}{' (run make labs)' if args.check else ', mended'}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())

"""Keep the book's notebooks in their stored form: no outputs, and a current Colab set-up cell.

The set-up cell (first cell, hidden on the site) installs the helper package in Colab from the
repository URL in _config.yml, the one place that URL is set. Run without arguments to rewrite the
notebooks; with --check, only list the ones that are out of date and exit 1 if there are any.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parent.parent
SETUP_CELL_ID = "colab-setup"


def repository() -> dict:
    """The repository setting of _config.yml: {"url": ..., "branch": ...}."""
    return yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]


def repository_url() -> str:
    return repository()["url"]


def _name_and_branch() -> tuple[str, str]:
    """("owner/name", branch) of the GitHub repository in _config.yml."""
    setting = repository()
    return setting["url"].removeprefix("https://github.com/"), setting["branch"]


def colab_url(path: str) -> str:
    """Colab's address for the repository's notebook `path` (relative to the root), on its branch."""
    name, branch = _name_and_branch()
    return f"https://colab.research.google.com/github/{name}/blob/{branch}/{path}"


def raw_url(path: str) -> str:
    """The repository's file or folder `path` as GitHub serves it raw, on its branch."""
    name, branch = _name_and_branch()
    return f"https://raw.githubusercontent.com/{name}/{branch}/{path}"


def colab_install(url: str, module: str, extra_packages: tuple[str, ...] = ()) -> str:
    """Code that pip-installs the helper package (and extra_packages) when `module` is missing, as in Colab."""
    packages = ", ".join(f'"{package}"' for package in (f"gencnn @ git+{url}", *extra_packages))
    return (
        "import importlib.util\n"
        "import subprocess\n"
        "import sys\n"
        "\n"
        f'if importlib.util.find_spec("{module}") is None:\n'
        f"    packages = [{packages}]\n"
        '    pip = [sys.executable, "-m", "pip", "install", "-q"]\n'
        "    subprocess.run([*pip, *packages], check=True)"
    )


def setup_cell(url: str) -> nbformat.NotebookNode:
    comment = "# In Colab, install the course's helpers (a local build has them).\n"
    source = comment + colab_install(url, "gencnn")
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["remove-cell"]})
    cell.id = SETUP_CELL_ID
    return cell


def normalized(notebook: nbformat.NotebookNode, url: str) -> nbformat.NotebookNode:
    """The notebook as it should be stored: set-up cell first, code cells without outputs."""
    cells = [cell for cell in notebook.cells if cell.get("id") != SETUP_CELL_ID]
    for cell in cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    notebook.cells = [setup_cell(url), *cells]
    return notebook


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale notebooks, change nothing")
    args = parser.parse_args()
    url = repository_url()
    stale = []
    for path in sorted((ROOT / "book").glob("*.ipynb")):
        text = path.read_text()
        wanted = nbformat.writes(normalized(nbformat.reads(text, as_version=4), url)) + "\n"
        if text != wanted:
            stale.append(path.relative_to(ROOT))
            if not args.check:
                path.write_text(wanted)
    verb = "out of date (run python tools/sync_notebooks.py)" if args.check else "rewritten"
    for path in stale:
        print(f"{path}: {verb}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())

"""The repository's stored form: clean notebooks, agreeing pins, the book's configuration."""

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted(p for folder in ("book", "solutions", "labs") for p in (ROOT / folder).rglob("*.ipynb"))


def normalized(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(lines):
    pins = {}
    for line in lines:
        requirement = line.split("#", 1)[0].strip()
        if requirement and not requirement.startswith("-"):
            name, version = requirement.split("==")
            pins[normalized(name)] = version
    return pins


def locked_pins():
    return read_pins((ROOT / "requirements" / "lock.txt").read_text().splitlines())


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_is_stored_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    dirty = [i for i, cell in enumerate(notebook.cells)
             if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)]
    assert not dirty, f"{path.name}: cells {dirty} carry outputs or execution counts; run tools/sync_notebooks.py"


def test_notebooks_have_the_current_colab_setup_cell():
    result = subprocess.run([sys.executable, "tools/sync_notebooks.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_environment_yml_names_the_locked_versions():
    lock = locked_pins()
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(item["pip"] for item in environment["dependencies"] if isinstance(item, dict))
    conda = read_pins(pip_section)
    assert conda == lock, "environment.yml and requirements/lock.txt differ; run make lock"
    assert len(lock) > 50


def test_helper_package_has_lower_bounds_only_and_the_lock_meets_them():
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = [Requirement(r) for r in project["dependencies"]]
    requirements += [Requirement(r) for extra in project["optional-dependencies"].values() for r in extra]
    lock = locked_pins()
    for requirement in requirements:
        assert all(spec.operator == ">=" for spec in requirement.specifier), f"{requirement} is not a lower bound"
        locked = lock[normalized(requirement.name)]
        assert Version(locked) in requirement.specifier, f"the lock's {requirement.name}=={locked} misses {requirement}"


def test_book_configuration():
    from jupyter_book.config import get_final_config

    config, _ = get_final_config(
        user_yaml=ROOT / "_config.yml", cli_config={"latex_individualpages": False}, sourcedir=ROOT
    )
    assert config["nb_execution_mode"] == "cache"
    assert config["nb_execution_raise_on_error"] is True
    assert config["nb_execution_timeout"] > 0
    assert config["nb_output_stderr"] == "remove"
    assert {"dollarmath", "amsmath"} <= set(config["myst_enable_extensions"])
    assert {"sphinx_exercise", "bibliography_refresh", "page_scripts"} <= set(config["extensions"])
    assert "myst_nb" in config["extensions"]  # recursive_update kept Jupyter Book's own extensions
    assert config["html_theme_options"]["launch_buttons"]["colab_url"] == "https://colab.research.google.com"
    raw = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert raw["only_build_toc_files"] is True


def test_toc_and_book_folder_agree():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    for name in files:
        assert any((ROOT / f"{name}{ext}").is_file() for ext in (".md", ".ipynb")), f"{name} in _toc.yml is missing"
    notebooks = {str(p.relative_to(ROOT).with_suffix("")) for p in (ROOT / "book").glob("*.ipynb")}
    assert notebooks <= set(files), f"notebooks left out of _toc.yml: {sorted(notebooks - set(files))}"


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    assert "make test" in (ROOT / "README.md").read_text()


def test_widget_scripts_in_the_config_are_the_pinned_npm_files():
    """The CDN scripts the pages load are the npm packages the browser tests serve in their place, byte for byte."""
    import base64
    import hashlib
    import json

    scripts = yaml.safe_load((ROOT / "_config.yml").read_text())["sphinx"]["config"]["nb_ipywidgets_js"]
    lock = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"]
    for url, attributes in scripts.items():
        package, version, path = re.fullmatch(r"https://cdn\.jsdelivr\.net/npm/((?:@[^/]+/)?[^/@]+)@([^/]+)/(.+)",
                                              url).groups()
        assert pinned[package] == version == lock[f"node_modules/{package}"]["version"], f"{url} vs package.json"
        local = ROOT / "node_modules" / package / path
        assert local.is_file(), f"{local} missing: run npm ci"
        digest = base64.b64encode(hashlib.sha384(local.read_bytes()).digest()).decode()
        assert attributes["integrity"] == f"sha384-{digest}", f"integrity of {url} does not match the npm file"


def test_widget_module_version_matches_the_python_package():
    """The static pages fetch anywidget's front end at the version range the Python package announces."""
    import json

    from anywidget._version import _ANYWIDGET_SEMVER_VERSION  # e.g. "~0.11.*"

    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"]["anywidget"]
    assert pinned.split(".")[:2] == _ANYWIDGET_SEMVER_VERSION.lstrip("~").split(".")[:2]


def test_figures_use_colour_maps_readable_with_colour_blindness():
    """Every colour map a chapter or the helper package names is perceptually uniform or grey, or PuOr."""
    readable = {"viridis", "cividis", "magma", "inferno", "gray", "gray_r", "Greys", "PuOr", "PuOr_r"}
    sources = [*(ROOT / "gencnn").rglob("*.py"), *(ROOT / "book").glob("*.ipynb")]
    named = {name for path in sources for name in re.findall(r"cmap=\\?[\"'](\w+)", path.read_text())}
    assert named, "no colour map found: the search pattern is stale"
    assert named <= readable, f"colour maps not known to read well with colour-blind vision: {named - readable}"

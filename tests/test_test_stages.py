"""`make test` runs every chapter once (tools/execute_chapters.py) and stops on the first failing stage."""

import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import execute_chapters  # noqa: E402
import test_stages  # noqa: E402


def write_notebook(path, *sources):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in sources])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, path)
    return path


def execute(tmp_path, *notebooks):
    return subprocess.run([sys.executable, "tools/execute_chapters.py", *map(str, notebooks), "--cache",
                           str(tmp_path / "cache"), "--jobs", "2"], cwd=ROOT, capture_output=True, text=True)


def test_a_cell_that_raises_fails_the_step_and_is_named(tmp_path):
    good = write_notebook(tmp_path / "good.ipynb", "x = 1", "print(x + 1)")
    bad = write_notebook(tmp_path / "bad.ipynb", "x = 1", "1 / 0", "y = 2")
    result = execute(tmp_path, good, bad)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "bad.ipynb: FAILED" in result.stdout and "ZeroDivisionError" in result.stdout, result.stdout
    assert "1 failed" in result.stdout
    again = execute(tmp_path, good, bad)  # the good notebook was cached, the failing one was not
    assert "good.ipynb: cached, not run" in again.stdout and "bad.ipynb: FAILED" in again.stdout, again.stdout


def test_the_build_reads_the_cache_the_chapters_run_into():
    """No cache path is configured, so myst-nb uses .jupyter_cache beside the HTML output folder (_build/html)."""
    from jupyter_book.config import get_final_config

    config, _ = get_final_config(user_yaml=ROOT / "_config.yml", cli_config={"latex_individualpages": False},
                                 sourcedir=ROOT)
    assert not config.get("nb_execution_cache_path")
    assert execute_chapters.CACHE == (ROOT / "_build" / "html" / ".." / ".jupyter_cache").resolve()


def test_make_test_runs_the_chapters_before_the_build_and_make_check_stays_quick():
    stages = test_stages.SUITES["test"]
    assert stages.index("chapters executed") < stages.index("strict build") < stages.index("browser")
    assert any("execute_chapters.py" in str(part) for part in test_stages.STAGES["chapters executed"])
    assert set(test_stages.SUITES["check"]) == {"lint", "unit tests", "lab questions"}
    assert "test:" in (ROOT / "Makefile").read_text() and "tools/test_stages.py test" in (ROOT / "Makefile").read_text()


def test_the_first_failing_stage_stops_the_run_and_the_table_says_so(monkeypatch, capsys, tmp_path):
    python = sys.executable
    monkeypatch.setattr(test_stages, "STAGES", {"first": [python, "-c", "pass"], "second": [python, "-c", "exit(3)"],
                                               "third": [python, "-c", "pass"]})
    monkeypatch.setattr(test_stages, "SUITES", {"test": ["first", "second", "third"]})
    monkeypatch.setattr(test_stages, "REPORT", tmp_path / "stages.md")
    assert test_stages.main(["test"]) == 3
    report = (tmp_path / "stages.md").read_text()
    assert "| first |" in report and "| passed |" in report and "FAILED (exit 3)" in report
    assert "third" not in report
    assert "make test: stages" in capsys.readouterr().out

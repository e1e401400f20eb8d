"""Grade answers to one lab question without running the whole lab (for the lab tests and `make check`).

The master's code cells (less the checker's set-up) run once, in order, in an IPython shell in this
process, and the namespace is kept as it stands before each question: the preamble and the solutions
of the questions before it. An answer to a question then runs in a fresh copy of that namespace and
is graded by the question's test file (public and hidden tests) through otter's test runner on the
resulting globals, which is how otter grades a notebook. So a NumPy question is graded in a second,
and a question that reads a trained model pays for that training once, not once per answer.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import NamedTuple

import nbformat
import numpy as np
import yaml
from make_labs import SETUP_TAG


class Graded(NamedTuple):
    score: float
    possible: float
    feedback: str  # every test's result as otter words it, and the answer's own error if it raised


def _cells(notebook: nbformat.NotebookNode) -> list[tuple[int, str | None, str]]:
    """The master's code cells in order, outside the tests: (index, question they answer or None, source)."""
    cells: list[tuple[int, str | None, str]] = []
    question = None
    in_tests = False
    for index, cell in enumerate(notebook.cells):
        first = cell.source.split("\n", 1)[0].strip()
        if cell.cell_type == "raw":
            if first == "# BEGIN QUESTION":
                question = yaml.safe_load(cell.source.split("\n", 1)[1])["name"]
            elif first in ("# BEGIN TESTS", "# END TESTS"):
                in_tests = first == "# BEGIN TESTS"
            elif first == "# END QUESTION":
                question = None
        elif cell.cell_type == "code" and not in_tests and SETUP_TAG not in cell.metadata.get("tags", []):
            cells.append((index, question, cell.source))
    return cells


def replaced(question: str, sources: list[str], replacements: dict[str, str]) -> list[str]:
    """A question's answer cells with each `old: new` replacement made.

    Raises ValueError when a replacement's text does not occur exactly once in the answer cells.
    """
    for old, new in replacements.items():
        places = sum(source.count(old) for source in sources)
        if places != 1:
            raise ValueError(f"{question}: {old!r} occurs {places} times in the answer cells, not once")
        sources = [source.replace(old, new) for source in sources]
    return sources


def master_answered(master: Path, answers: dict[str, dict[str, str]]) -> nbformat.NotebookNode:
    """The master notebook with each question's answer cells changed by its replacements (question -> them)."""
    notebook = nbformat.read(master, as_version=4)
    cells = _cells(notebook)
    for question, replacements in answers.items():
        indices = [index for index, name, _ in cells if name == question]
        for index, source in zip(indices, replaced(question, [notebook.cells[i].source for i in indices],
                                                   replacements)):
            notebook.cells[index].source = source
    return notebook


class QuestionGrader:
    """One lab: its preamble run once, then any number of answers graded question by question."""

    def __init__(self, master: Path, tests: Path):
        from IPython.core.interactiveshell import InteractiveShell

        self.master = master
        self.tests = tests  # otter assign's autograder/tests folder: public and hidden tests
        self.cells = [(question, source) for _, question, source in _cells(nbformat.read(master, as_version=4))]
        self.answers = {question: [source for name, source in self.cells if name == question]
                        for question, _ in self.cells if question}
        self.shell = InteractiveShell.instance()
        self.shell.user_ns.clear()
        self.shell.init_user_ns()
        self.before: dict[str, dict] = {}  # question -> the namespace before its cells (filled as needed)
        self.done = 0  # how many of self.cells have run in self.running
        self.running = dict(self.shell.user_ns)

    def _namespace_before(self, question: str) -> dict:
        """The namespace after every cell before `question`'s first cell (solutions included)."""
        while question not in self.before:
            name, source = self.cells[self.done]
            if name and name not in self.before:
                self.before[name] = dict(self.running)
            if name == question:
                break
            self._load(self.running)
            error = self._run(source)
            if error:
                raise RuntimeError(f"{self.master.name}: the cell starting {source.splitlines()[0]!r} raised {error}")
            self.running = dict(self.shell.user_ns)
            self.done += 1
        return self.before[question]

    def _load(self, namespace: dict) -> None:
        """Make `namespace` the shell's; arrays are copied so an answer that edits one in place spoils none."""
        self.shell.user_ns.clear()
        self.shell.user_ns.update({name: value.copy() if isinstance(value, np.ndarray) else value
                                   for name, value in namespace.items()})

    def _run(self, source: str) -> str | None:
        """Run a cell quietly; the error it raised, or None."""
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            result = self.shell.run_cell(source, store_history=False, silent=True)
        error = result.error_before_exec or result.error_in_exec
        return None if error is None else f"{type(error).__name__}: {error}"

    def solution(self, question: str) -> str:
        """The master's answer cells of `question`, as one text (to find what a variant replaces)."""
        return "\n\n".join(self.answers[question])

    def grade(self, question: str, replacements: dict[str, str] | None = None) -> Graded:
        """Grade `question` with each `old: new` replacement made in its answer cells (none: the solution)."""
        from otter.test_files import create_test_file

        sources = replaced(question, list(self.answers[question]), replacements or {})
        self._load(self._namespace_before(question))
        errors = [error for error in map(self._run, sources) if error]
        test_file = create_test_file(str(self.tests / f"{question}.py"), None)  # a .py file needs no notebook metadata
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            test_file.run(self.shell.user_ns)
        feedback = test_file.summary() + "".join(f"\n\nThe answer raised {error}" for error in errors)
        return Graded(test_file.score, test_file.possible, feedback)

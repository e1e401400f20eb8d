"""Grade answers to one lab question without running the whole lab (for the lab tests and `make check`).

A lab master's preamble (its code cells before the first question, less the checker's set-up) runs
once, in an IPython shell in this process. Each answer then runs with that question's own cells, in a
fresh copy of the preamble's namespace, and is graded by the question's test file (public and hidden
tests) through otter's test runner on the resulting globals, which is how otter grades a notebook.
So a NumPy question is graded in a second, and a question that reads a trained model pays for that
training once, not once per answer or per question.
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


def _split(master: Path) -> tuple[list[str], dict[str, list[str]]]:
    """(preamble sources, question name -> its answer cells' sources) of a master notebook."""
    preamble: list[str] = []
    answers: dict[str, list[str]] = {}
    question = None
    in_tests = False
    for cell in nbformat.read(master, as_version=4).cells:
        first = cell.source.split("\n", 1)[0].strip()
        if cell.cell_type == "raw":
            if first == "# BEGIN QUESTION":
                question = yaml.safe_load(cell.source.split("\n", 1)[1])["name"]
                answers[question] = []
            elif first in ("# BEGIN TESTS", "# END TESTS"):
                in_tests = first == "# BEGIN TESTS"
            elif first == "# END QUESTION":
                question = None
        elif cell.cell_type == "code" and not in_tests and SETUP_TAG not in cell.metadata.get("tags", []):
            (answers[question] if question else preamble).append(cell.source)
    return preamble, answers


class QuestionGrader:
    """One lab: its preamble run once, then any number of answers graded question by question."""

    def __init__(self, master: Path, tests: Path):
        from IPython.core.interactiveshell import InteractiveShell

        self.tests = tests  # otter assign's autograder/tests folder: public and hidden tests
        preamble, self.answers = _split(master)
        self.shell = InteractiveShell.instance()
        self.shell.user_ns.clear()
        self.shell.init_user_ns()
        for source in preamble:
            error = self._run(source)
            if error:
                raise RuntimeError(f"the preamble of {master.name} raised {error}")
        self.preamble = dict(self.shell.user_ns)

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
        """Grade `question` with each `old: new` replacement made in its answer cells (none: the solution).

        Raises ValueError when a replacement's text does not occur exactly once in the answer cells.
        """
        from otter.test_files import create_test_file

        sources = list(self.answers[question])
        for old, new in (replacements or {}).items():
            places = sum(source.count(old) for source in sources)
            if places != 1:
                raise ValueError(f"{question}: {old!r} occurs {places} times in the answer cells, not once")
            sources = [source.replace(old, new) for source in sources]
        self.shell.user_ns.clear()  # arrays are copied: an answer that edits one in place spoils no other
        self.shell.user_ns.update({name: value.copy() if isinstance(value, np.ndarray) else value
                                   for name, value in self.preamble.items()})
        errors = [error for error in map(self._run, sources) if error]
        test_file = create_test_file(str(self.tests / f"{question}.py"), None)  # a .py file needs no notebook metadata
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            test_file.run(self.shell.user_ns)
        feedback = test_file.summary() + "".join(f"\n\nThe answer raised {error}" for error in errors)
        return Graded(test_file.score, test_file.possible, feedback)

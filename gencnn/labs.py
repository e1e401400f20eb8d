"""The labs' checker: otter's `grader.check`, worded for what it runs (a question's public tests only).

otter says "q1 passed!" when the public tests pass, although the hidden tests that grade the lab
may still fail. `PublicChecks().check("q1")` says that only the public tests passed.
"""

from __future__ import annotations

import sys


class PublicCheck:
    """What `check` shows: otter's report when a public test fails, else a reminder of the hidden tests."""

    def __init__(self, question: str, result):
        self.question = question
        self.result = result  # otter's TestFile

    def message(self) -> str:
        return (f"{self.question}: the public tests passed; hidden tests grade the rest when the lab is graded."
                if self.result.passed_all_public else self.result.summary(public_only=True))

    def __repr__(self) -> str:
        return self.message()

    def _repr_html_(self) -> str:
        if self.result.passed_all_public:
            return f"<p>{self.message()}</p>"
        return self.result._repr_html_()


def public_checks():
    """An otter.Notebook whose `check` reports as PublicCheck does (otter is imported here, as the labs install it)."""
    import otter

    class PublicChecks(otter.Notebook):
        def check(self, question, global_env=None):
            result = super().check(question, sys._getframe(1).f_globals if global_env is None else global_env)
            return None if result is None else PublicCheck(question, result)

    return PublicChecks()

"""One answer in the catalogue: what a student wrote instead of part of the master's solution."""

from __future__ import annotations

from typing import NamedTuple


class Answer(NamedTuple):
    what: str  # the answer, as a student would describe it
    replace: dict[str, str]  # text in the master's answer cells -> the student's text
    mistake: str | None = None  # None: a right answer (full marks); else words the feedback must contain


def right(what: str, replace: dict[str, str]) -> Answer:
    return Answer(what, replace)


def wrong(what: str, replace: dict[str, str], mistake: str) -> Answer:
    return Answer(what, replace, mistake)

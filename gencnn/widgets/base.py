"""What the course widgets share: the front-end files, the style sheet and the error type."""

from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

FRONT_END = Path(__file__).parent


class WidgetValueError(traitlets.TraitError, ValueError):
    """A widget setting outside what is allowed; the message names the value and the allowed range."""


def front_end(name: str) -> str:
    """The ES module of widget `name`: the shared common.js followed by <name>.js."""
    return (FRONT_END / "common.js").read_text() + "\n" + (FRONT_END / f"{name}.js").read_text()


class CourseWidget(anywidget.AnyWidget):
    """Base of the course widgets: their shared style sheet."""

    _css = (FRONT_END / "widgets.css").read_text()


def require_choice(what: str, value, choices) -> None:
    if value not in choices:
        raise WidgetValueError(f"unknown {what} {value!r}; choose one of {', '.join(map(repr, choices))}")


def require_between(what: str, value, low, high) -> None:
    if not low <= value <= high:
        raise WidgetValueError(f"{what} must be between {low} and {high}, not {value!r}")

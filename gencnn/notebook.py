"""Notebook plumbing that must work both in the book build and in plain Jupyter or Colab."""

from __future__ import annotations

from typing import Any

import numpy as np


def glue(name: str, value: Any, display: bool = False) -> None:
    """Hand a computed value to the book's prose (myst-nb glue); elsewhere do nothing.

    NumPy scalars become Python numbers, so the prose can format them ({glue:text}`name:.1%`).
    Colab has no myst-nb, so there the value is only shown when display=True.
    """
    if isinstance(value, np.generic):
        value = value.item()
    try:
        from myst_nb import glue as myst_glue
    except ImportError:
        if display:
            from IPython.display import display as show

            show(value)
    else:
        myst_glue(name, value, display=display)


def table(columns: list[str], rows) -> Any:
    """A Markdown table with these column headings, one row per sequence of cells, for display in a notebook.

    Cells are shown with str(); format numbers before passing them (f"{accuracy:.1%}").
    """
    from IPython.display import Markdown

    columns = [str(column) for column in columns]
    if not columns:
        raise ValueError("columns must name at least one column")
    lines = ["| " + " | ".join(columns) + " |", "|" + " --- |" * len(columns)]
    for number, row in enumerate(rows):
        cells = [str(cell).replace("|", "\\|").replace("\n", " ") for cell in row]
        if len(cells) != len(columns):
            raise ValueError(f"row {number} has {len(cells)} cells ({cells!r}); the table has {len(columns)} "
                             f"columns ({columns!r})")
        lines.append("| " + " | ".join(cells) + " |")
    return Markdown("\n".join(lines))

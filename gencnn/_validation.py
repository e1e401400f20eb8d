"""Argument checks shared by the helper modules."""

from __future__ import annotations

import numpy as np


def is_integer(value) -> bool:
    """True for Python and NumPy integers, but not for bools."""
    return isinstance(value, (int, np.integer)) and not isinstance(value, bool)


def require_positive_integer(name: str, value) -> None:
    """Raise a ValueError naming the argument unless value is an integer of at least 1."""
    if not is_integer(value) or value < 1:
        raise ValueError(f"{name} must be a positive integer, not {value!r}")

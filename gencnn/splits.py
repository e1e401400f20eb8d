"""Shuffled train/validation/test splits, optionally stratified by label."""

from __future__ import annotations

from numbers import Real
from typing import NamedTuple

import numpy as np

from gencnn._validation import require_positive_integer

SPLIT_NAMES = ("training", "validation", "test")


class Split(NamedTuple):
    """The three parts of a dataset, as returned by train_val_test_split."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray


def split_sizes(n: int, fractions=(0.7, 0.1, 0.2)) -> tuple[int, int, int]:
    """How many of n samples go to training, validation and test for the given fractions.

    Sizes come from rounding the cumulative fractions, so they never add up to more than n.
    A split whose fraction is above zero but which would hold no sample is an error.
    """
    require_positive_integer("the number of samples", n)
    fractions = _check_fractions(fractions)
    bounds = [0] + [int(np.floor(n * total + 0.5)) for total in np.cumsum(fractions)]  # halves round up
    sizes = tuple(int(b - a) for a, b in zip(bounds[:-1], bounds[1:]))
    for name, fraction, size in zip(SPLIT_NAMES, fractions, sizes):
        if fraction > 0 and size == 0:
            raise ValueError(
                f"the {name} split would be empty: {fraction:g} of {n} samples rounds to 0; "
                "use more samples or a larger fraction"
            )
    return sizes


def _check_fractions(fractions) -> tuple[float, float, float]:
    try:
        values = tuple(fractions)
    except TypeError:
        values = ()
    if len(values) != 3 or not all(isinstance(f, Real) and not isinstance(f, bool) for f in values):
        raise ValueError(
            f"fractions must be three numbers (training, validation, test), not {fractions!r}"
        )
    if any(not 0 <= f <= 1 for f in values):
        raise ValueError(f"each fraction must lie in [0, 1]; got {values}")
    if values[0] == 0:
        raise ValueError(f"the training fraction must be above 0; got {values}")
    if sum(values) > 1 + 1e-9:
        raise ValueError(f"fractions must add up to at most 1; {values} add up to {sum(values):g}")
    return tuple(float(f) for f in values)


def split_indices(
    n: int, fractions=(0.7, 0.1, 0.2), *, seed: int | None = 0, stratify_by=None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Shuffled, disjoint index arrays (training, validation, test) into n samples.

    With stratify_by (one label per sample) every split keeps each class's share of the whole
    to within one sample. The same seed gives the same split.
    """
    sizes = split_sizes(n, fractions)
    rng = np.random.default_rng(seed)
    order = rng.permutation(n)
    if stratify_by is not None:
        labels = np.asarray(stratify_by)
        if labels.ndim != 1 or len(labels) != n:
            raise ValueError(
                f"stratify_by must hold one label per sample: expected shape ({n},), got {labels.shape}"
            )
        # Rank each sample within its class (in shuffled order) as a fraction of the class size;
        # cutting the samples sorted by that rank hands each class to every split in proportion.
        shuffled = labels[order]
        rank = np.empty(n)
        for label in np.unique(shuffled):
            members = np.flatnonzero(shuffled == label)
            rank[members] = (np.arange(len(members)) + rng.random()) / len(members)
        order = order[np.argsort(rank, kind="stable")]
    bounds = np.cumsum((0, *sizes))
    return tuple(rng.permutation(order[a:b]) for a, b in zip(bounds[:-1], bounds[1:]))


def _as_array(values) -> np.ndarray:
    if isinstance(values, np.ndarray):
        return values
    try:
        return np.asarray(values)
    except ValueError:  # ragged, such as reviews of different lengths
        array = np.empty(len(values), dtype=object)
        array[:] = list(values)
        return array


def train_val_test_split(
    x, y, fractions=(0.7, 0.1, 0.2), *, seed: int | None = 0, stratify: bool = False
) -> Split:
    """Shuffle (x, y) and cut it into training, validation and test parts.

    fractions are the shares of training, validation and test (at most 1 in all; less leaves
    samples out). stratify=True keeps each label's share equal across the three parts.
    """
    x, y = _as_array(x), _as_array(y)
    if len(x) != len(y):
        raise ValueError(f"x and y must have the same length; got {len(x)} and {len(y)}")
    if stratify and y.ndim != 1:
        raise ValueError(
            f"stratify=True needs one integer label per sample, y of shape ({len(y)},); got shape "
            f"{y.shape} (for one-hot labels pass y.argmax(axis=1))"
        )
    train, val, test = split_indices(
        len(x), fractions, seed=seed, stratify_by=y if stratify else None
    )
    return Split(x[train], y[train], x[val], y[val], x[test], y[test])

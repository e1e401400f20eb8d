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

    With stratify_by (one label per sample) each split holds each class's share of it to within
    one sample: a class of m samples puts m * size / n of them, rounded down or up, into a split
    of that size. The same seed gives the same split.
    """
    sizes = split_sizes(n, fractions)
    rng = np.random.default_rng(seed)
    order = rng.permutation(n)
    if stratify_by is None:
        bounds = np.cumsum((0, *sizes))
        parts = [order[a:b] for a, b in zip(bounds[:-1], bounds[1:])]
    else:
        labels = np.asarray(stratify_by)
        if labels.ndim != 1 or len(labels) != n:
            raise ValueError(
                f"stratify_by must hold one label per sample: expected shape ({n},), got {labels.shape}"
            )
        classes = [order[labels[order] == label] for label in np.unique(labels)]  # each in shuffled order
        counts = _stratified_counts(np.array([len(c) for c in classes]), np.array([*sizes, n - sum(sizes)]), rng)
        parts = [[] for _ in sizes]
        for members, row in zip(classes, counts):
            bounds = np.cumsum((0, *row))
            for part, a, b in zip(parts, bounds[:-1], bounds[1:]):
                part.append(members[a:b])
        parts = [np.concatenate(part) for part in parts]
    return tuple(rng.permutation(part) for part in parts)


def _stratified_counts(class_sizes: np.ndarray, part_sizes: np.ndarray, rng) -> np.ndarray:
    """counts[c, s]: how many samples of class c go to part s. Each is class_sizes[c] * part_sizes[s] / n
    rounded down or up, and every row and column adds up to its class's and its part's size
    (controlled rounding of a table, which always exists: Cox 1987)."""
    n = int(part_sizes.sum())
    product = np.outer(class_sizes, part_sizes)
    counts = product // n
    may_round_up = product % n != 0
    rounded_up = np.zeros_like(may_round_up)
    need = class_sizes - counts.sum(axis=1)  # rounding-ups each class still needs
    room = part_sizes - counts.sum(axis=0)  # and each part can still take
    parts = range(len(part_sizes))
    for c in rng.permutation(len(class_sizes)):
        while need[c]:
            free = [s for s in rng.permutation(parts) if may_round_up[c, s] and not rounded_up[c, s]]
            direct = [s for s in free if room[s]]
            if direct:
                path = [(c, None, direct[0])]
            else:
                path = _reassignment_path(c, free, may_round_up, rounded_up, room)
            for moved, old, new in path:  # move each class's rounding-up along the path
                if old is not None:
                    rounded_up[moved, old] = False
                rounded_up[moved, new] = True
            room[path[-1][2]] -= 1
            need[c] -= 1
    return counts + rounded_up


def _reassignment_path(c, free, may_round_up, rounded_up, room) -> list[tuple]:
    """Breadth-first search over the parts for a chain of moves that frees a part for class c: each
    step (class, old part, new part) moves one class's rounding-up from a full part to another."""
    came_from = {s: (c, None) for s in free}
    queue = list(free)
    while queue:
        s = queue.pop(0)
        if room[s]:
            path = []
            while s is not None:
                moved, old = came_from[s]
                path.append((moved, old, s))
                s = old
            return path[::-1]
        for other in np.flatnonzero(rounded_up[:, s]):
            for t in np.flatnonzero(may_round_up[other] & ~rounded_up[other]):
                if t not in came_from:
                    came_from[t] = (other, s)
                    queue.append(t)
    raise AssertionError("no controlled rounding found; the margins must be inconsistent")


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

"""Splits: sizes, disjointness, determinism, stratification and clear errors."""

import numpy as np
import pytest

from gencnn import split_indices, split_sizes, train_val_test_split


@pytest.mark.parametrize(
    ("n", "fractions", "sizes"),
    [
        (10_000, (0.7, 0.1, 0.2), (7_000, 1_000, 2_000)),
        (70_000, (0.7, 0.1, 0.2), (49_000, 7_000, 14_000)),
        (70_000, (0.6, 0.2, 0.2), (42_000, 14_000, 14_000)),
        (10, (0.35, 0.35, 0.3), (4, 3, 3)),
        (1_000, (0.5, 0.0, 0.2), (500, 0, 200)),
    ],
)
def test_split_sizes(n, fractions, sizes):
    assert split_sizes(n, fractions) == sizes


def test_sizes_never_exceed_the_samples():
    rng = np.random.default_rng(0)
    for _ in range(2_000):
        n = int(rng.integers(20, 5_000))
        fractions = rng.dirichlet([1, 1, 1]) * rng.uniform(0.5, 1)
        fractions[0] = max(fractions[0], 0.05)
        fractions /= max(1, fractions.sum())
        try:
            sizes = split_sizes(n, tuple(fractions))
        except ValueError as err:
            assert "would be empty" in str(err)
            continue
        assert sum(sizes) <= n
        assert all(abs(s - f * n) <= 1 for s, f in zip(sizes, fractions))


@pytest.mark.parametrize(
    ("n", "fractions", "message"),
    [
        (100, (0.8, 0.2, 0.2), r"must add up to at most 1; \(0.8, 0.2, 0.2\) add up to 1.2"),
        (100, (0.8, -0.1, 0.2), r"each fraction must lie in \[0, 1\]"),
        (100, (0.8, 0.2), "must be three numbers"),
        (100, "0.7", "must be three numbers"),
        (100, (0.0, 0.5, 0.5), "training fraction must be above 0"),
        (5, (0.9, 0.05, 0.05), "the validation split would be empty: 0.05 of 5 samples rounds to 0"),
        (0, (0.7, 0.1, 0.2), "positive integer, not 0"),
        (10.0, (0.7, 0.1, 0.2), "positive integer, not 10.0"),
    ],
)
def test_bad_fractions_and_sizes_are_clear_errors(n, fractions, message):
    with pytest.raises(ValueError, match=message):
        split_sizes(n, fractions)


def test_indices_are_disjoint_and_cover_everything():
    train, val, test = split_indices(1_000, (0.7, 0.1, 0.2), seed=3)
    assert (len(train), len(val), len(test)) == (700, 100, 200)
    assert np.array_equal(np.sort(np.concatenate([train, val, test])), np.arange(1_000))


def test_same_seed_same_split_other_seed_other_split():
    first, again, other = (split_indices(500, seed=s)[0] for s in (7, 7, 8))
    assert np.array_equal(first, again)
    assert not np.array_equal(first, other)


def test_split_is_shuffled():
    train, _, _ = split_indices(1_000, seed=0)
    assert not np.array_equal(np.sort(train), train)
    assert train.max() > 900  # drawn from the whole range, not a leading block


@pytest.mark.parametrize("seed", range(30))
def test_stratified_split_keeps_each_class_share(seed):
    """Each split holds each class's share of it, rounded down or up: never off by a whole sample
    (one cut across all classes was off by two for some seeds)."""
    rng = np.random.default_rng(seed)
    labels = rng.choice(4, size=997, p=[0.55, 0.25, 0.15, 0.05]) if seed % 2 else rng.integers(0, 10, 500)
    fractions = (0.6, 0.2, 0.2) if seed % 3 else (0.5, 0.1, 0.15)  # a quarter left out
    parts = split_indices(len(labels), fractions, seed=seed, stratify_by=labels)
    totals = np.bincount(labels)
    for part in parts:
        counts = np.bincount(labels[part], minlength=len(totals))
        assert np.all(np.abs(counts - totals * len(part) / len(labels)) < 1), (counts, totals * len(part) / len(labels))
        assert not np.array_equal(np.sort(part), part)  # still shuffled within the split
    assert len(np.unique(np.concatenate(parts))) == sum(map(len, parts))


def test_stratified_split_of_sorted_labels_still_mixes_classes():
    labels = np.repeat(np.arange(10), 100)
    train, val, test = split_indices(1_000, seed=0, stratify_by=labels)
    for part in (train, val, test):
        assert set(labels[part]) == set(range(10))


def test_stratify_by_must_hold_one_label_per_sample():
    with pytest.raises(ValueError, match=r"expected shape \(10,\), got \(9,\)"):
        split_indices(10, stratify_by=np.zeros(9))


def test_train_val_test_split_keeps_pairs_together():
    x = np.arange(200).reshape(100, 2)
    y = np.arange(100) * 3
    split = train_val_test_split(x, y, (0.5, 0.25, 0.25), seed=1)
    for xs, ys in [(split.x_train, split.y_train), (split.x_val, split.y_val), (split.x_test, split.y_test)]:
        assert np.array_equal(xs[:, 0] // 2 * 3, ys)
    assert (len(split.x_train), len(split.x_val), len(split.x_test)) == (50, 25, 25)


def test_train_val_test_split_takes_ragged_sequences():
    reviews = [[1] * n for n in range(1, 21)]
    split = train_val_test_split(reviews, np.arange(20) % 2, (0.5, 0.25, 0.25), seed=0, stratify=True)
    assert all(len(r) >= 1 for r in split.x_train)
    assert np.bincount(split.y_test).tolist() == [2, 3] or np.bincount(split.y_test).tolist() == [3, 2]


def test_mismatched_lengths_are_a_clear_error():
    with pytest.raises(ValueError, match="x and y must have the same length; got 10 and 9"):
        train_val_test_split(np.zeros((10, 3)), np.zeros(9))


def test_stratify_needs_integer_labels():
    with pytest.raises(ValueError, match=r"one-hot labels pass y.argmax\(axis=1\)"):
        train_val_test_split(np.zeros((10, 3)), np.eye(10), stratify=True)

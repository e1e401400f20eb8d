"""A catalogue of answers to every lab question, graded by tests/test_labs.py as `make grade` grades them.

Each answer is written as the text a student would put in place of part of the master's solution.
Right answers written another way must get full marks; each typical mistake must lose the question's
points (every question is graded all or nothing), with feedback that names the mistake.
"""

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


LAB01_SPLIT = "members = rng.permutation(np.flatnonzero(labels == label))"
LAB01_CUT = "np.split(members, [n_train, n_train + n_val])"
LAB01_STATISTICS = "return float(x_train.mean()), float(x_train.std())"

CATALOGUE: dict[str, dict[str, list[Answer]]] = {
    "lab01": {
        "q1": [
            right("np.where and an in-place shuffle", {
                LAB01_SPLIT: "members = np.where(labels == label)[0]\n        rng.shuffle(members)"}),
            right("slices instead of np.split, int(... + 0.5) rounding", {
                "n_train = round(fractions[0] * len(members))": "n_train = int(fractions[0] * len(members) + 0.5)",
                LAB01_CUT: "(members[:n_train], members[n_train:n_train + n_val], members[n_train + n_val:])"}),
            right("the test part cut first", {
                LAB01_CUT: "(members[len(members) - n_train:], members[len(members) - n_train - n_val:"
                           "len(members) - n_train], members[:len(members) - n_train - n_val])"}),
            wrong("never shuffles", {LAB01_SPLIT: "members = np.flatnonzero(labels == label)"}, "shuffle each class"),
            wrong("ignores the seed", {"rng = np.random.default_rng(seed)": "rng = np.random.default_rng()"},
                  "np.random.default_rng(seed)"),
            wrong("the test split overlaps training", {
                LAB01_CUT: "(members[:n_train], members[n_train:n_train + n_val], members[n_train - 10:])"},
                "data leak"),
            wrong("one shuffle of the whole set, not one per class", {
                LAB01_SPLIT: "members = rng.permutation(len(labels))",
                "for label in np.unique(labels):": "for label in [None]:"}, "not stratified"),
        ],
        "q2": [
            right("NumPy scalars, not floats", {LAB01_STATISTICS: "return x_train.mean(), x_train.std()"}),
            right("the standard deviation written out", {
                LAB01_STATISTICS: "m = x_train.mean()\n    return m, np.sqrt(np.mean((x_train - m) ** 2))"}),
            wrong("statistics of all the pixels", {
                LAB01_STATISTICS: "return float(pixels.mean()), float(pixels.std())"},
                "not from a global array"),
            wrong("statistics of the raw 0-255 pixels", {
                LAB01_STATISTICS: "return float(images[train_idx].mean()), float(images[train_idx].std())"},
                "compute them from its argument"),
        ],
        "q3": [
            right("np.argmax of the counts", {"majority = np.bincount(y_train).argmax()":
                                              "majority = np.argmax(np.bincount(y_train))"}),
            right("collections.Counter and a loop", {
                "majority = np.bincount(y_train).argmax()":
                    "import collections\n    majority = collections.Counter(y_train.tolist()).most_common(1)[0][0]",
                "return float(np.mean(np.asarray(y_eval) == majority))":
                    "return sum(1 for y in y_eval if y == majority) / len(y_eval)"}),
            wrong("the majority of the evaluation labels", {
                "majority = np.bincount(y_train).argmax()": "majority = np.bincount(y_eval).argmax()"},
                "take the majority of y_train"),
            wrong("the share of the majority in training", {
                "return float(np.mean(np.asarray(y_eval) == majority))":
                    "return float(np.bincount(y_train).max() / len(y_train))"}, "score it on y_eval"),
            wrong("the largest label, not the most common", {
                "majority = np.bincount(y_train).argmax()": "majority = np.max(y_train)"}, "0.25"),
        ],
    },
}

"""Lab 1: other right answers and typical mistakes, question by question."""

from lab_answers.answer import right, wrong

SPLIT = "members = rng.permutation(np.flatnonzero(labels == label))"
CUT = "np.split(members, [n_train, n_train + n_val])"
STATISTICS = "return float(x_train.mean()), float(x_train.std())"
FOLDS = ("return [(np.sort(np.concatenate(folds[:i] + folds[i + 1:])), np.sort(fold)) "
         "for i, fold in enumerate(folds)]")
READ_TRUE = 'true_val_accuracy = runs["true labels"][1].history["val_accuracy"][-1]'
READ_SHUFFLED = 'shuffled_val_accuracy = runs["shuffled labels"][1].history["val_accuracy"][-1]'
BASELINE = "baseline_val_accuracy = majority_baseline(y_train, y_val)"
LIFT = "lift = true_val_accuracy - baseline_val_accuracy"

CATALOGUE = {
    "q1": [
        right("np.where and an in-place shuffle", {
            SPLIT: "members = np.where(labels == label)[0]\n        rng.shuffle(members)"}),
        right("slices instead of np.split, int(... + 0.5) rounding", {
            "n_train = round(fractions[0] * len(members))": "n_train = int(fractions[0] * len(members) + 0.5)",
            CUT: "(members[:n_train], members[n_train:n_train + n_val], members[n_train + n_val:])"}),
        right("the test part cut first", {
            CUT: "(members[len(members) - n_train:], members[len(members) - n_train - n_val:"
                       "len(members) - n_train], members[:len(members) - n_train - n_val])"}),
        wrong("never shuffles", {SPLIT: "members = np.flatnonzero(labels == label)"}, "shuffle each class"),
        wrong("ignores the seed", {"rng = np.random.default_rng(seed)": "rng = np.random.default_rng()"},
              "np.random.default_rng(seed)"),
        wrong("the test split overlaps training", {
            CUT: "(members[:n_train], members[n_train:n_train + n_val], members[n_train - 10:])"},
            "data leak"),
        wrong("one shuffle of the whole set, not one per class", {
            SPLIT: "members = rng.permutation(len(labels))",
            "for label in np.unique(labels):": "for label in [None]:"}, "not stratified"),
    ],
    "q2": [
        right("NumPy scalars, not floats", {STATISTICS: "return x_train.mean(), x_train.std()"}),
        right("the standard deviation written out", {
            STATISTICS: "m = x_train.mean()\n    return m, np.sqrt(np.mean((x_train - m) ** 2))"}),
        wrong("statistics of all the pixels", {
            STATISTICS: "return float(pixels.mean()), float(pixels.std())"},
            "not from a global array"),
        wrong("statistics of the raw 0-255 pixels", {
            STATISTICS: "return float(images[train_idx].mean()), float(images[train_idx].std())"},
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
    "q4": [
        right("folds cut by hand from np.arange and an in-place shuffle", {
            "order = np.random.default_rng(seed).permutation(n)\n    folds = np.array_split(order, k)":
                "order = np.arange(n)\n    np.random.default_rng(seed).shuffle(order)\n"
                "    bounds = [round(i * n / k) for i in range(k + 1)]\n"
                "    folds = [order[bounds[i]:bounds[i + 1]] for i in range(k)]"}),
        right("a mask per fold, lists of ints", {
            FOLDS: "pairs = []\n    for fold in folds:\n        mask = np.isin(order, fold)\n"
                   "        pairs.append((sorted(order[~mask].tolist()), sorted(fold.tolist())))\n    return pairs"}),
        wrong("never shuffles", {"order = np.random.default_rng(seed).permutation(n)": "order = np.arange(n)"},
              "shuffle the indices before cutting"),
        wrong("folds of n // k, the remainder dropped", {
            "folds = np.array_split(order, k)": "folds = [order[i * (n // k):(i + 1) * (n // k)] for i in range(k)]"},
              "do not drop the remainder"),
        wrong("the validation fold kept in training", {
            FOLDS: "return [(np.sort(order), np.sort(fold)) for fold in folds]"}, "data leak"),
        wrong("ignores the seed", {
            "order = np.random.default_rng(seed).permutation(n)": "order = np.random.default_rng().permutation(n)"},
              "np.random.default_rng(seed)"),
    ],
    "q5": [
        right("evaluated again from the kept models", {
            READ_TRUE: 'true_val_accuracy = runs["true labels"][0].evaluate(x_val_flat, y_val, verbose=0)[1]',
            READ_SHUFFLED: 'shuffled_val_accuracy = runs["shuffled labels"][0].evaluate(\n'
                           '    x_val_flat, y_val, verbose=0)[1]'}),
        right("the baseline counted by hand, the last epoch by its index", {
            READ_TRUE: 'h = runs["true labels"][1].history["val_accuracy"]\ntrue_val_accuracy = h[len(h) - 1]',
            BASELINE: "baseline_val_accuracy = np.sum(y_val == np.argmax(np.bincount(y_train))) / len(y_val)"}),
        wrong("the training accuracy", {
            READ_TRUE: 'true_val_accuracy = runs["true labels"][1].history["accuracy"][-1]'}, "read val_accuracy"),
        wrong("the first epoch, not the last", {
            READ_TRUE: 'true_val_accuracy = runs["true labels"][1].history["val_accuracy"][0]'},
              "after the last epoch"),
        wrong("the baseline of the test split", {BASELINE: "baseline_val_accuracy = majority_accuracy"},
              "scored on y_val"),
        wrong("the lift over the shuffled run", {LIFT: "lift = true_val_accuracy - shuffled_val_accuracy"},
              "minus the baseline"),
        wrong("a percentage", {LIFT: "lift = 100 * (true_val_accuracy - baseline_val_accuracy)"}, "minus the baseline"),
    ],
}

"""Lab 5: other right answers and typical mistakes, question by question."""

from lab_answers.answer import right, wrong

KEEP = "keep = np.random.default_rng(seed).random(activations.shape) >= rate"
SCALE = "return np.where(keep, activations / (1 - rate), 0.0)"
CHECK = 'if not 0 <= rate < 1:\n        raise ValueError(f"rate must be in [0, 1), not {rate}")'
L1 = "return float(factor * np.sum(np.abs(kernel)))"
L2 = "return float(factor * np.sum(np.square(kernel)))"
PARAMETERS = "return sum((inputs + 1) * units for inputs, units in zip(sizes[:-1], sizes[1:]))"
BEST = 'best_epoch = {name: int(np.argmin(histories[name]["val_bce"])) + 1 for name in SIZES}'
FIRST = "first_to_overfit = min(SIZES, key=best_epoch.get)"
RISE = 'rise[name] = histories[name]["val_bce"][-1] - min(histories[name]["val_bce"])'
HELPED = 'helped = [name for name in ["l2", "dropout", "l1"] if rise[name] < rise["large"]]'
SHARE = "return float(np.mean(np.abs(kernel) < tolerance))"
SPARSITY = "sparsity = {name: near_zero_share(models[name].layers[0].kernel.numpy()) for name in REGULARIZED}"
SPARSEST = "sparsest = max(sparsity, key=sparsity.get)"
STOPPER = 'stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=2, restore_best_weights=True)'
RESTORED = 'restored_epoch = int(np.argmin(stopped_history["val_loss"])) + 1'

CATALOGUE = {
    "q1": [
        right("a binomial mask, multiplied in", {
            KEEP: "keep = np.random.default_rng(seed).binomial(1, 1 - rate, size=activations.shape)",
            SCALE: "return activations * keep / (1 - rate)"}),
        right("uniform draws below 1 - rate, written into a copy", {
            KEEP: "keep = np.random.default_rng(seed).uniform(size=activations.shape) < 1 - rate",
            SCALE: "out = activations.copy()\n    out[~keep] = 0\n    out[keep] /= 1 - rate\n    return out"}),
        right("a loop over every value", {
            KEEP: "rng = np.random.default_rng(seed)",
            SCALE: "out = np.zeros_like(activations)\n    for index in np.ndindex(activations.shape):\n"
                   "        if rng.random() >= rate:\n            out[index] = activations[index] / (1 - rate)\n"
                   "    return out"}),
        right("a Keras Dropout layer called in training mode", {
            KEEP: "layer = keras.layers.Dropout(rate, seed=seed)",
            SCALE: "return keras.ops.convert_to_numpy(layer(activations, training=True))"}),
        wrong("survivors scaled by 1/rate", {SCALE: "return np.where(keep, activations / rate, 0.0)"},
              "which is 1/rate"),
        wrong("rate taken as the probability of keeping", {
            KEEP: "keep = np.random.default_rng(seed).random(activations.shape) < rate"},
              "not of keeping it"),
        wrong("survivors not rescaled", {SCALE: "return np.where(keep, activations, 0.0)"}, "not rescaled"),
        wrong("survivors multiplied by 1 - rate", {SCALE: "return np.where(keep, activations * (1 - rate), 0.0)"},
              "do not multiply"),
        wrong("one mask for the whole batch", {
            KEEP: "keep = np.random.default_rng(seed).random(activations.shape[-1]) >= rate"},
              "not one mask shared by the whole batch"),
        wrong("ignores the seed", {"np.random.default_rng(seed)": "np.random.default_rng()"},
              "the same seed gave two different masks"),
        wrong("drops in place", {
            SCALE: "activations[~keep] = 0\n    activations[keep] /= 1 - rate\n    return activations"},
              "changed the array it was given"),
        wrong("accepts any rate", {CHECK: "pass"}, "should raise ValueError"),
    ],
    "q2": [
        right("methods of the array, NumPy scalars returned", {
            L1: "return factor * abs(kernel).sum()", L2: "return factor * (kernel ** 2).sum()"}),
        right("norms", {
            L1: "return factor * np.linalg.norm(np.ravel(kernel), 1)",
            L2: "return factor * np.linalg.norm(kernel) ** 2"}),
        right("loops over the weights", {
            L1: "return factor * sum(abs(float(w)) for w in np.ravel(kernel))",
            L2: "return factor * sum(float(w) * float(w) for w in np.ravel(kernel))"}),
        wrong("L2 as the norm, not its square", {L2: "return float(factor * np.linalg.norm(kernel))"},
              "no square root"),
        wrong("L2 with a 1/2 in front", {L2: "return float(0.5 * factor * np.sum(np.square(kernel)))"},
              "no 1/2 in front"),
        wrong("L1 as a mean", {L1: "return float(factor * np.mean(np.abs(kernel)))"}, "not the mean"),
        wrong("L1 without absolute values", {L1: "return float(factor * np.sum(kernel))"}, "take absolute values"),
    ],
    "q3": [
        right("a loop, weights plus biases", {
            PARAMETERS: "total = 0\n    for k in range(1, len(sizes)):\n"
                        "        total += sizes[k - 1] * sizes[k] + sizes[k]\n    return total"}),
        right("NumPy, an np.int64 returned", {
            PARAMETERS: "sizes = np.asarray(sizes)\n    return np.sum((sizes[:-1] + 1) * sizes[1:])"}),
        right("all weights, then all biases", {
            PARAMETERS: "return sum(a * b for a, b in zip(sizes, sizes[1:])) + sum(sizes[1:])"}),
        wrong("no biases", {PARAMETERS: "return sum(inputs * units for inputs, units in zip(sizes[:-1], sizes[1:]))"},
              "leaves out the biases"),
        wrong("one bias per layer", {
            PARAMETERS: "return sum(inputs * units + 1 for inputs, units in zip(sizes[:-1], sizes[1:]))"},
              "not one bias per layer"),
        wrong("a bias on the inputs too", {
            PARAMETERS: "return sum((inputs + 1) * (units + 1) for inputs, units in zip(sizes[:-1], sizes[1:]))"},
              "its inputs do not"),
        wrong("an object that equals every number", {
            PARAMETERS: "class Anything(int):\n        def __eq__(self, other):\n            return True\n\n"
                        "        __hash__ = int.__hash__\n\n    return Anything(0)"}, "count_params"),
        wrong("a float", {
            PARAMETERS: "return sum((inputs + 1.0) * units for inputs, units in zip(sizes[:-1], sizes[1:]))"},
              "a whole number"),
    ],
    "q4": [
        right("list.index of the minimum", {
            BEST: 'best_epoch = {name: histories[name]["val_bce"].index(min(histories[name]["val_bce"])) + 1 '
                  "for name in SIZES}"}),
        right("NumPy integers, sorted for the first", {
            BEST: 'best_epoch = {name: np.argmin(histories[name]["val_bce"]) + 1 for name in SIZES}',
            FIRST: "first_to_overfit = sorted(best_epoch, key=lambda name: best_epoch[name])[0]"}),
        right("a loop, and a NumPy string", {
            BEST: "best_epoch = {}\nfor name in SIZES:\n    curve = histories[name]['val_bce']\n"
                  "    best_epoch[name] = 1 + min(range(len(curve)), key=curve.__getitem__)",
            FIRST: "first_to_overfit = np.array(list(best_epoch))[np.argmin(list(best_epoch.values()))]"}),
        wrong("epochs counted from 0", {
            BEST: 'best_epoch = {name: int(np.argmin(histories[name]["val_bce"])) for name in SIZES}'},
              "epochs are counted from 1"),
        wrong("the training loss", {
            BEST: 'best_epoch = {name: int(np.argmin(histories[name]["bce"])) + 1 for name in SIZES}'},
              "read the validation loss"),
        wrong("the lowest loss, not its epoch", {
            BEST: 'best_epoch = {name: min(histories[name]["val_bce"]) for name in SIZES}'}, "an epoch number"),
        wrong("the last to overfit", {FIRST: "first_to_overfit = max(SIZES, key=best_epoch.get)"},
              "the earlier the best epoch, the sooner it overfits"),
        wrong("a string that equals every string", {
            FIRST: "class Anything(str):\n    def __eq__(self, other):\n        return True\n\n"
                   "    __hash__ = str.__hash__\n\n\nfirst_to_overfit = Anything('?')"}, "stopped improving first"),
        wrong("a (name, epoch) pair", {FIRST: "first_to_overfit = min(best_epoch.items(), key=lambda item: item[1])"},
              "stopped improving first"),
    ],
    "q5": [
        right("a float32 array", {
            RISE: 'curve = np.asarray(histories[name]["val_bce"], dtype="float32")\n'
                  "    rise[name] = curve[-1] - curve.min()"}),
        right("from the best epoch's index", {
            RISE: 'curve = histories[name]["val_bce"]\n    rise[name] = curve[-1] - curve[int(np.argmin(curve))]',
            HELPED: "helped = set()\nfor name in rise:\n    if name != 'large' and rise[name] < rise['large']:\n"
                    "        helped.add(name)"}),
        right("clipped at zero, rounded to 3 decimals", {
            RISE: 'rise[name] = round(max(0.0, histories[name]["val_bce"][-1] - min(histories[name]["val_bce"])), 3)'}),
        wrong("val_loss, penalty included", {
            RISE: 'rise[name] = histories[name]["val_loss"][-1] - min(histories[name]["val_loss"])'},
              "includes the weight penalty"),
        wrong("lowest minus last", {
            RISE: 'rise[name] = min(histories[name]["val_bce"]) - histories[name]["val_bce"][-1]'},
              "not the reverse"),
        wrong("from the first epoch", {
            RISE: 'rise[name] = histories[name]["val_bce"][-1] - histories[name]["val_bce"][0]'},
              "not from the first epoch"),
        wrong("highest minus lowest", {
            RISE: 'rise[name] = max(histories[name]["val_bce"]) - min(histories[name]["val_bce"])'},
              "not up to the highest"),
        wrong("the training loss", {
            RISE: 'rise[name] = histories[name]["bce"][-1] - min(histories[name]["bce"])'},
              "that is the training loss"),
        wrong("the large network listed too", {
            HELPED: 'helped = [name for name in REGULARIZED if rise[name] <= rise["large"]]'}, "is the yardstick"),
        wrong("the runs that rose more", {
            HELPED: 'helped = [name for name in ["l2", "dropout", "l1"] if rise[name] > rise["large"]]'},
              "rose less than the plain large network's"),
        wrong("the lowest losses compared", {
            HELPED: 'helped = [name for name in ["l2", "dropout", "l1"] '
                    'if min(histories[name]["val_bce"]) < min(histories["large"]["val_bce"])]'},
              "rose less than the plain large network's"),
        wrong("one string", {HELPED: 'helped = "l2, dropout, l1"'}, "a list of run names"),
    ],
    "q6": [
        right("count_nonzero over the size", {
            SHARE: "return np.count_nonzero(np.abs(kernel) < tolerance) / np.size(kernel)"}),
        right("get_weights, an np.float64 returned", {
            SHARE: "return (abs(kernel) < tolerance).mean()",
            SPARSITY: "sparsity = {name: near_zero_share(models[name].get_weights()[0]) for name in REGULARIZED}"}),
        right("a loop over the weights", {
            SHARE: "flat = np.ravel(kernel)\n"
                   "    return sum(1 for w in flat if -tolerance < w < tolerance) / len(flat)"}),
        wrong("exact zeros only", {SHARE: "return float(np.mean(kernel == 0))"}, "only exact zeros"),
        wrong("no absolute value", {SHARE: "return float(np.mean(kernel < tolerance))"},
              "compare the absolute value"),
        wrong("a percentage", {SHARE: "return float(100 * np.mean(np.abs(kernel) < tolerance))"},
              "not a percentage"),
        wrong("the last layer's kernel", {
            SPARSITY: "sparsity = {name: near_zero_share(models[name].layers[-1].kernel.numpy()) "
                      "for name in REGULARIZED}"}, "read the first layer's kernel"),
        wrong("the least sparse", {SPARSEST: "sparsest = min(sparsity, key=sparsity.get)"},
              "has the most near-zero weights"),
    ],
    "q7": [
        right("the callback's defaults and its best epoch", {
            STOPPER: "stopper = keras.callbacks.EarlyStopping(patience=2, restore_best_weights=True)",
            RESTORED: "restored_epoch = stopper.best_epoch + 1"}),
        right("watching val_bce, mode given", {
            STOPPER: 'stopper = keras.callbacks.EarlyStopping("val_bce", patience=2, mode="min", '
                     "restore_best_weights=True)"}),
        right("list.index of the minimum", {
            RESTORED: 'restored_epoch = stopped_history["val_loss"].index(min(stopped_history["val_loss"])) + 1'}),
        wrong("weights not restored", {
            STOPPER: 'stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=2)'},
              "pass restore_best_weights=True"),
        wrong("epoch counted from 0", {RESTORED: 'restored_epoch = int(np.argmin(stopped_history["val_loss"]))'},
              "epochs are counted from 1"),
        wrong("the last epoch run", {RESTORED: 'restored_epoch = len(stopped_history["loss"])'},
              "that is the last epoch run"),
        wrong("patience 5", {
            STOPPER: 'stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, '
                     "restore_best_weights=True)"},
              "with patience 2 it waits 2 epochs"),
        wrong("watching the validation accuracy", {
            STOPPER: 'stopper = keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=2, '
                     "restore_best_weights=True)"}, "it should watch the validation loss"),
    ],
}

"""Lab 2: other right answers and typical mistakes, question by question."""

from lab_answers.answer import right, wrong

SHIFT = "shifted = logits - logits.max(axis=1, keepdims=True)"
NORMALIZE = "return exps / exps.sum(axis=1, keepdims=True)"
LOG_SUM = "log_sum = top[:, 0] + np.log(np.exp(logits - top).sum(axis=1))"
PICK = "return float(np.mean(log_sum - logits[np.arange(len(labels)), labels]))"
ONE_HOT = "return np.eye(num_classes)[labels]"
BINARY = '"binary": ("sigmoid", "binary_crossentropy"),'
MULTICLASS = '"multiclass": ("softmax", "sparse_categorical_crossentropy"),'
MULTILABEL = '"multilabel": ("sigmoid", "binary_crossentropy"),'
REGRESSION = '"regression": (None, "mean_squared_error"),'
BOUNDED = '"regression in [0, 1]": ("sigmoid", "mean_squared_error"),'
COUNT = "return sum((n_in + 1) * n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))"
MODEL = 'model = keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(10, activation="softmax")])'
COMPILE = 'model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])'
FIT = "history = model.fit(split.x_train, split.y_train, epochs=10, batch_size=64, verbose=0,"
VALIDATION = "validation_data=(split.x_val, split.y_val))"
PREDICT = "predicted = model.predict(split.x_val, verbose=0).argmax(axis=1)"
COUNT_PAIRS = "np.add.at(confusion, (split.y_val, predicted), 1)"
OFF_DIAGONAL = "mistakes = confusion - np.diag(np.diag(confusion))"
PAIR = "most_confused = tuple(int(d) for d in np.unravel_index(mistakes.argmax(), mistakes.shape))"
GAP = 'first_epoch_gap = history.history["val_accuracy"][0] - history.history["accuracy"][0]'

CATALOGUE = {
    "q1": [
        right("a loop over the rows", {SHIFT: "shifted = np.array([row - row.max() for row in logits])"}),
        right("scipy.special.softmax", {
            SHIFT: "import scipy.special\n    return scipy.special.softmax(logits, axis=1)\n    shifted = logits"}),
        right("exp of the log-softmax", {
            NORMALIZE: "return np.exp(shifted - np.log(exps.sum(axis=1, keepdims=True)))"}),
        right("[:, None] instead of keepdims", {
            SHIFT: "shifted = logits - logits.max(axis=1)[:, None]",
            NORMALIZE: "return exps / exps.sum(axis=1)[:, None]"}),
        wrong("no shift", {SHIFT: "shifted = logits"}, "subtract each row's maximum"),
        wrong("one maximum for the whole array", {SHIFT: "shifted = logits - logits.max()"}, "not one maximum for all"),
        wrong("normalized over the columns", {NORMALIZE: "return exps / exps.sum(axis=0, keepdims=True)"},
              "each row should sum to 1"),
        wrong("shifted by the row minimum", {SHIFT: "shifted = logits - logits.min(axis=1, keepdims=True)"},
              "not its minimum"),
        wrong("subtracts in place, changing the caller's array", {
            SHIFT: "logits -= logits.max(axis=1, keepdims=True)\n    shifted = logits"}, "do not subtract in place"),
    ],
    "q2": [
        right("scipy.special.logsumexp", {
            LOG_SUM: "import scipy.special\n    log_sum = scipy.special.logsumexp(logits, axis=1)"}),
        right("np.logaddexp.reduce", {LOG_SUM: "log_sum = np.logaddexp.reduce(logits, axis=1)"}),
        right("a loop over the rows and np.take_along_axis", {
            LOG_SUM: "log_sum = np.array([row.max() + np.log(np.sum(np.exp(row - row.max()))) for row in logits])",
            PICK: "picked = np.take_along_axis(logits, labels[:, None], axis=1)[:, 0]\n"
                  "    return float(np.mean(log_sum - picked))"}),
        wrong("the log of the naive softmax", {
            LOG_SUM: "p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)",
            PICK: "return float(-np.mean(np.log(p[np.arange(len(labels)), labels])))"}, "use the log-sum-exp form"),
        wrong("the log of the stable softmax, which rounds to 0", {
            LOG_SUM: "p = np.exp(logits - top) / np.exp(logits - top).sum(axis=1, keepdims=True)",
            PICK: "return float(-np.mean(np.log(p[np.arange(len(labels)), labels])))"}, "not the log of softmax"),
        wrong("the sum over the rows, not the mean", {
            PICK: "return float(np.sum(log_sum - logits[np.arange(len(labels)), labels]))"},
              "divide by the number of rows"),
        wrong("every row's logits at every label", {
            PICK: "return float(np.mean(log_sum[:, None] - logits[:, labels]))"}, "its own label"),
        wrong("one loss per row, no mean", {PICK: "return log_sum - logits[np.arange(len(labels)), labels]"},
              "one number, the mean over the rows"),
        wrong("the shift not added back", {LOG_SUM: "log_sum = np.log(np.exp(logits - top).sum(axis=1))"},
              "add the row maximum back"),
        wrong("the sign flipped", {PICK: "return float(np.mean(logits[np.arange(len(labels)), labels] - log_sum))"},
              "the sign is flipped"),
    ],
    "q3": [
        right("keras.utils.to_categorical", {ONE_HOT: "return keras.utils.to_categorical(labels, num_classes)"}),
        right("a comparison with np.arange, left as booleans", {
            ONE_HOT: "return labels[:, None] == np.arange(num_classes)"}),
        right("zeros and one fancy assignment", {
            ONE_HOT: "encoded = np.zeros((len(labels), num_classes), dtype=np.float32)\n"
                     "    encoded[np.arange(len(labels)), labels] = 1\n    return encoded"}),
        wrong("as many columns as the largest label + 1", {ONE_HOT: "return np.eye(labels.max() + 1)[labels]"},
              "not labels.max() + 1"),
        wrong("labels counted from 1", {ONE_HOT: "return np.eye(num_classes)[labels - 1]"}, "label 0 goes in column 0"),
        wrong("one column per label", {ONE_HOT: "return np.eye(num_classes)[labels].T"}, "not the transpose"),
    ],
    "q4": [
        right("activation functions and loss objects", {
            BINARY: '"binary": (keras.activations.sigmoid, keras.losses.BinaryCrossentropy()),',
            MULTICLASS: '"multiclass": (keras.activations.softmax, keras.losses.SparseCategoricalCrossentropy()),'}),
        right('"linear" and "mse"', {REGRESSION: '"regression": ("linear", "mse"),'}),
        right("binary cross-entropy for values in [0, 1]", {
            BOUNDED: '"regression in [0, 1]": ("sigmoid", "binary_crossentropy"),'}),
        wrong("a softmax on the single unit of a binary task", {
            BINARY: '"binary": ("softmax", "binary_crossentropy"),'}, "a softmax over one unit always outputs 1"),
        wrong("a softmax for a multilabel task", {
            MULTILABEL: '"multilabel": ("softmax", "categorical_crossentropy"),'}, "the labels are not exclusive"),
        wrong("a ReLU on a regression to any value", {REGRESSION: '"regression": ("relu", "mean_squared_error"),'},
              "a ReLU cuts the negatives"),
        wrong("categorical cross-entropy on integer labels", {
            MULTICLASS: '"multiclass": ("softmax", "categorical_crossentropy"),'},
              "categorical_crossentropy wants one-hot rows"),
    ],
    "q5": [
        right("a loop over the layers", {
            COUNT: "total = 0\n    for i in range(1, len(sizes)):\n        total += (sizes[i - 1] + 1) * sizes[i]\n"
                   "    return total"}),
        right("NumPy, which returns an np.int64", {
            COUNT: "return np.sum((np.array(sizes[:-1]) + 1) * np.array(sizes[1:]))"}),
        right("the weights and the biases counted apart", {
            COUNT: "return sum(a * b for a, b in zip(sizes, sizes[1:])) + sum(sizes[1:])"}),
        wrong("no biases", {COUNT: "return sum(n_in * n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))"},
              "add one bias per unit"),
        wrong("a bias per input, not per unit", {
            COUNT: "return sum(n_in * (n_out + 1) for n_in, n_out in zip(sizes[:-1], sizes[1:]))"},
              "one bias per unit, not one per input"),
        wrong("only the first layer", {COUNT: "return (sizes[0] + 1) * sizes[1]"}, "count every layer"),
        wrong("a float", {COUNT: "return float(sum((n_in + 1) * n_out for n_in, n_out in zip(sizes[:-1], sizes[1:])))"},
              "return an int"),
    ],
    "q6": [
        right("a separate Softmax layer and the functional API", {
            MODEL: "inputs = keras.Input(shape=(784,))\n"
                   "model = keras.Model(inputs, keras.layers.Softmax()(keras.layers.Dense(10)(inputs)))"}),
        right("RMSprop, batches of 128, 6 epochs", {
            COMPILE: 'model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])',
            "epochs=10, batch_size=64": "epochs=6, batch_size=128"}),
        right("one-hot labels and categorical cross-entropy", {
            COMPILE: 'model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])',
            FIT: "history = model.fit(split.x_train, keras.utils.to_categorical(split.y_train, 10), epochs=10, "
                 "batch_size=64, verbose=0,",
            VALIDATION: "validation_data=(split.x_val, keras.utils.to_categorical(split.y_val, 10)))"}),
        wrong("one step of plain SGD: as good as untrained", {
            COMPILE: 'model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy", metrics=["accuracy"])',
            "epochs=10, batch_size=64": "epochs=1, batch_size=7000"}, "at least 88% is needed"),
        wrong("a hidden layer", {
            MODEL: 'model = keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(32, activation="relu"), '
                   'keras.layers.Dense(10, activation="softmax")])'}, "one Dense(10) layer"),
        wrong("logits, not probabilities", {
            MODEL: "model = keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(10)])",
            COMPILE: "model.compile(optimizer='adam', metrics=['accuracy'], "
                     "loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))"}, "use a softmax output"),
        wrong("validated on a slice of the training split", {VALIDATION: "validation_split=0.1)"},
              "fit with validation_data=(split.x_val, split.y_val)"),
    ],
    "q7": [
        right("a loop over the images and np.int64 in the pair", {
            COUNT_PAIRS: "for t, p in zip(split.y_val, predicted):\n    confusion[t, p] += 1",
            PAIR: "most_confused = np.unravel_index(mistakes.argmax(), mistakes.shape)"}),
        right("tf.math.confusion_matrix, np.fill_diagonal and np.argwhere", {
            COUNT_PAIRS: "import tensorflow as tf\n"
                         "confusion = tf.math.confusion_matrix(split.y_val, predicted, num_classes=10).numpy()",
            OFF_DIAGONAL: "mistakes = confusion.copy()\nnp.fill_diagonal(mistakes, 0)",
            PAIR: "most_confused = tuple(np.argwhere(mistakes == mistakes.max())[0])"}),
        right("the gap from NumPy arrays of the history", {
            GAP: 'first_epoch_gap = (np.array(history.history["val_accuracy"])'
                 ' - np.array(history.history["accuracy"]))[0]'}),
        wrong("rows for the predictions, columns for the truth", {
            COUNT_PAIRS: "np.add.at(confusion, (predicted, split.y_val), 1)"}, "yours is the transpose"),
        wrong("the diagonal left in", {OFF_DIAGONAL: "mistakes = confusion"}, "a digit read correctly"),
        wrong("the confusion of the test split", {
            PREDICT: "predicted = model.predict(split.x_test, verbose=0).argmax(axis=1)",
            COUNT_PAIRS: "np.add.at(confusion, (split.y_test, predicted), 1)"}, "images of the validation split"),
        wrong("the gap of the last epoch", {
            GAP: 'first_epoch_gap = history.history["val_accuracy"][-1] - history.history["accuracy"][-1]'},
              "the first is at index 0"),
        wrong("training minus validation", {
            GAP: 'first_epoch_gap = history.history["accuracy"][0] - history.history["val_accuracy"][0]'},
              "validation minus training"),
    ],
}

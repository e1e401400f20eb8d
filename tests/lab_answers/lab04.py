"""Lab 4: other right answers and typical mistakes, question by question."""

from lab_answers.answer import right, wrong

BEST = "return int(np.argmin(val_loss)) + 1, int(np.argmax(val_accuracy)) + 1"
MODEL = """memorizer = keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(512, activation="relu"),
                              keras.layers.Dense(10, activation="softmax")])"""
FIT = "memory = memorizer.fit(x_train[:1000], shuffled, epochs=40,"
START = "start = np.arctan2(a[1], a[0])"
TURN = "turn = (turn + np.pi) % (2 * np.pi) - np.pi  # the shorter way round"
ARC = "return np.array([np.cos(start + t * turn), np.sin(start + t * turn)])"
SINGULAR = "singular_values = np.linalg.svd(centred, compute_uv=False)"
SHARES = "return singular_values**2 / np.sum(singular_values**2)"
COUNT = "components_90 = int(np.searchsorted(np.cumsum(ratios), 0.9)) + 1"
DISTANCES = "squared = np.sum(x_eval**2, axis=1)[:, None] - 2 * x_eval @ x_fit.T + np.sum(x_fit**2, axis=1)[None, :]"
PREDICT = "predicted = np.asarray(y_fit)[np.argmin(squared, axis=1)]"
SCORE = "return float(np.mean(predicted == np.asarray(y_eval)))"
MEAN = "mean = x_fit.mean(axis=0)"
EIGEN = "eigenvalues, eigenvectors = np.linalg.eigh(centred.T @ centred)  # in increasing order"
DIRECTIONS = "directions = eigenvectors[:, ::-1][:, :k]"
PROJECT = "return centred @ directions, (x_eval - mean) @ directions"

CATALOGUE = {
    "q1": [
        right("NumPy integers, not ints", {BEST: "return np.argmin(val_loss) + 1, np.argmax(val_accuracy) + 1"}),
        right("list.index of the min and the max", {
            BEST: "return val_loss.index(min(val_loss)) + 1, val_accuracy.index(max(val_accuracy)) + 1"}),
        right("a loop that keeps the first best", {
            BEST: "loss_epoch, accuracy_epoch = 1, 1\n"
                  "    for epoch in range(2, len(val_loss) + 1):\n"
                  "        if val_loss[epoch - 1] < val_loss[loss_epoch - 1]:\n"
                  "            loss_epoch = epoch\n"
                  "        if val_accuracy[epoch - 1] > val_accuracy[accuracy_epoch - 1]:\n"
                  "            accuracy_epoch = epoch\n"
                  "    return loss_epoch, accuracy_epoch"}),
        right("history.epoch and an array of two", {
            BEST: "return np.array([history.epoch[np.argmin(val_loss)], history.epoch[np.argmax(val_accuracy)]]) + 1"}),
        wrong("indices counted from 0", {BEST: "return int(np.argmin(val_loss)), int(np.argmax(val_accuracy))"},
              "off by one"),
        wrong("the training curves", {
            BEST: 'return (int(np.argmin(history.history["loss"])) + 1,\n'
                  '            int(np.argmax(history.history["accuracy"])) + 1)'},
              "read the validation curve"),
        wrong("one epoch for both", {BEST: "return int(np.argmin(val_loss)) + 1, int(np.argmin(val_loss)) + 1"},
              "the two need not agree"),
        wrong("the last of tied epochs", {
            BEST: "return int(np.argmin(val_loss)) + 1, len(val_accuracy) - int(np.argmax(val_accuracy[::-1]))"},
              "take the earliest"),
        wrong("arrays from np.where, not numbers", {
            BEST: "return (np.where(np.array(val_loss) == min(val_loss))[0] + 1, "
                  "np.where(np.array(val_accuracy) == max(val_accuracy))[0] + 1)"}, "should return two whole numbers"),
    ],
    "q2": [
        right("two hidden layers", {
            MODEL: MODEL.replace('keras.layers.Dense(10,', 'keras.layers.Dense(512, activation="relu"),\n'
                                 '                              keras.layers.Dense(10,')}),
        right("a wider layer and RMSprop", {
            MODEL: MODEL.replace("Dense(512", "Dense(1024"), 'optimizer="adam"': 'optimizer="rmsprop"'}),
        right("one-hot labels and a larger batch trained longer", {
            'loss="sparse_categorical_crossentropy"': 'loss="categorical_crossentropy"',
            FIT: "memory = memorizer.fit(x_train[:1000], keras.utils.to_categorical(shuffled, 10), epochs=60,",
            "batch_size=64": "batch_size=100",
            "validation_data=(x_val, y_val)": "validation_data=(x_val, keras.utils.to_categorical(y_val, 10))"}),
        wrong("trained on the true labels", {FIT: "memory = memorizer.fit(x_train[:1000], y_train[:1000], epochs=40,"},
              "it learned real digits"),
        wrong("trained for 2 epochs", {FIT: "memory = memorizer.fit(x_train[:1000], shuffled, epochs=2,"},
              "for more epochs or with more units"),
        wrong("a network too small to memorize", {MODEL: MODEL.replace("Dense(512", "Dense(4")},
              "for more epochs or with more units"),
        wrong("labels shuffled again, not the ones given", {
            FIT: "memory = memorizer.fit(x_train[:1000], np.random.default_rng(7).permutation(shuffled), epochs=40,"},
              "train it on shuffled"),
    ],
    "q3": [
        right("complex numbers", {
            START: "z = complex(a[0], a[1]) * (complex(b[0], b[1]) / complex(a[0], a[1])) ** t\n"
                   "    return np.array([z.real, z.imag])\n"
                   "    start = 0"}),
        right("the signed angle from arctan2 of the cross and dot products", {
            "turn = np.arctan2(b[1], b[0]) - start": "turn = np.arctan2(a[0] * b[1] - a[1] * b[0], a @ b)",
            TURN: ""}),
        right("slerp", {
            START: "omega = np.arccos(np.clip(a @ b, -1, 1))\n"
                   "    return (np.sin((1 - t) * omega) * a + np.sin(t * omega) * b) / np.sin(omega)\n"
                   "    start = 0"}),
        wrong("the straight line", {ARC: "return (1 - t) * a + t * b"}, "it left the circle"),
        wrong("the straight line pushed back onto the circle", {
            ARC: "point = (1 - t) * a + t * b\n    return point / np.linalg.norm(point)"},
              "does not move at constant speed"),
        wrong("angles interpolated without wrapping", {TURN: ""}, "go the shorter way round"),
        wrong("np.arctan, which loses the quadrant", {
            START: "start = np.arctan(a[1] / a[0])",
            "turn = np.arctan2(b[1], b[0]) - start": "turn = np.arctan(b[1] / b[0]) - start"},
              "np.arctan2, which tells the quadrants apart"),
    ],
    "q4": [
        right("eigenvalues of the covariance matrix", {
            SINGULAR: "variances = np.linalg.eigvalsh(np.cov(centred, rowvar=False))[::-1]",
            SHARES: "return variances / variances.sum()"}),
        right("scikit-learn's PCA", {
            "centred = x - x.mean(axis=0)": "from sklearn.decomposition import PCA\n"
                                            "    return PCA().fit(x).explained_variance_ratio_\n"
                                            "    centred = x"}),
        right("the variance of the data projected on each direction, and a count with np.argmax", {
            SINGULAR: "directions = np.linalg.svd(centred, full_matrices=False)[2]",
            SHARES: "variances = np.var(centred @ directions.T, axis=0)\n    return variances / variances.sum()",
            COUNT: "components_90 = np.argmax(np.cumsum(ratios) >= 0.9) + 1"}),
        wrong("not centred", {"centred = x - x.mean(axis=0)": "centred = x"}, "centre each column on its mean first"),
        wrong("centred on each row's mean", {
            "centred = x - x.mean(axis=0)": "centred = x - x.mean(axis=1, keepdims=True)"},
              "not each row"),
        wrong("singular values not squared", {SHARES: "return singular_values / np.sum(singular_values)"},
              "square the singular values"),
        wrong("the variance of each pixel", {
            SINGULAR: "variances = np.sort(np.var(centred, axis=0))[::-1]",
            SHARES: "return variances / variances.sum()"}, "not along each principal direction"),
        wrong("the count off by one", {COUNT: "components_90 = int(np.searchsorted(np.cumsum(ratios), 0.9))"},
              "off by one"),
    ],
    "q5": [
        right("a loop over the rows of x_eval", {
            DISTANCES: "right = 0\n"
                       "    for row, label in zip(x_eval, y_eval):\n"
                       "        nearest = np.argmin(np.linalg.norm(x_fit - row, axis=1))\n"
                       "        right += int(y_fit[nearest] == label)\n"
                       "    return right / len(x_eval)",
            PREDICT: "", SCORE: ""}),
        right("scipy's cdist", {
            DISTANCES: "from scipy.spatial.distance import cdist\n    squared = cdist(x_eval, x_fit)"}),
        right("scikit-learn's 1-nearest-neighbour classifier", {
            DISTANCES: "from sklearn.neighbors import KNeighborsClassifier\n"
                       "    knn = KNeighborsClassifier(n_neighbors=1).fit(x_fit, y_fit)\n"
                       "    return knn.score(x_eval, y_eval)",
            PREDICT: "", SCORE: ""}),
        wrong("the farthest row", {PREDICT: "predicted = np.asarray(y_fit)[np.argmax(squared, axis=1)]"},
              "not the farthest"),
        wrong("the index of the nearest row as the prediction", {PREDICT: "predicted = np.argmin(squared, axis=1)"},
              "not its index"),
        wrong("Manhattan distance", {
            DISTANCES: "squared = np.array([np.abs(x_fit - row).sum(axis=1) for row in x_eval])"},
              "not the sum of absolute differences"),
        wrong("a count, not a fraction", {SCORE: "return int(np.sum(predicted == np.asarray(y_eval)))"},
              "not a count"),
    ],
    "q6": [
        right("the rows of Vt from np.linalg.svd", {
            EIGEN: "_, _, vt = np.linalg.svd(centred, full_matrices=False)", DIRECTIONS: "directions = vt[:k].T"}),
        right("scikit-learn's PCA fit on x_fit", {
            MEAN: "from sklearn.decomposition import PCA\n"
                  "    pca = PCA(n_components=k).fit(x_fit)\n"
                  "    return pca.transform(x_fit), pca.transform(x_eval)\n"
                  "    mean = 0"}),
        right("U times S for x_fit", {
            EIGEN: "u, s, vt = np.linalg.svd(centred, full_matrices=False)", DIRECTIONS: "directions = vt[:k].T",
            PROJECT: "return u[:, :k] * s[:k], (x_eval - mean) @ directions"}),
        right("eigenvectors of np.cov", {
            EIGEN: "eigenvalues, eigenvectors = np.linalg.eigh(np.cov(x_fit, rowvar=False))"}),
        wrong("x_eval centred on its own mean", {
            PROJECT: "return centred @ directions, (x_eval - x_eval.mean(axis=0)) @ directions"},
              "centre x_eval with the mean of x_fit"),
        wrong("directions fit on both sets together", {
            EIGEN: "both = np.concatenate([x_fit, x_eval]) - np.concatenate([x_fit, x_eval]).mean(axis=0)\n"
                   "    eigenvalues, eigenvectors = np.linalg.eigh(both.T @ both)"},
              "not from x_fit and x_eval together"),
        wrong("not centred", {MEAN: "mean = 0"}, "centre the data on the mean of x_fit first"),
        wrong("the smallest eigenvalues first", {DIRECTIONS: "directions = eigenvectors[:, :k]"},
              "np.linalg.eigh sorts them in increasing order"),
        wrong("columns of Vt", {
            EIGEN: "_, _, vt = np.linalg.svd(centred, full_matrices=False)", DIRECTIONS: "directions = vt[:, :k]"},
              "the rows of Vt, not its columns"),
    ],
}

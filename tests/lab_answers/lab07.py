"""Lab 7: other right answers and typical mistakes, question by question."""

from lab_answers.answer import right, wrong

# q1: cross_correlate2d
LOOP = """    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i:i + height, j:j + width] * kernel)
    return out"""
# q2: pool2d
WINDOWS = "windows = x[:rows * size, :cols * size].reshape(rows, size, cols, size)"
POOLING = WINDOWS + """
    if mode == "max":
        return windows.max(axis=(1, 3))
    if mode == "average":
        return windows.mean(axis=(1, 3))
    return np.sqrt((windows ** 2).sum(axis=(1, 3)))"""
L2 = "return np.sqrt((windows ** 2).sum(axis=(1, 3)))"
MAX = """if mode == "max":
        return windows.max(axis=(1, 3))"""
# q3: parameter counts
CONV = "return (kernel_size * kernel_size * channels_in + 1) * filters"
DENSE = "return (inputs + 1) * units"
COUNT = "dense_count = dense_params(28 * 28, 24 * 24 * 20)"
# q4: the CNN
LAYERS = """    keras.layers.Conv2D(16, 3, activation="relu"),
    keras.layers.MaxPooling2D(2),
    keras.layers.Conv2D(32, 3, activation="relu"),
    keras.layers.MaxPooling2D(2),
    keras.layers.Flatten(),
    keras.layers.Dense(10, activation="softmax"),"""
BUILD = "cnn = keras.Sequential([\n    keras.Input(shape=(28, 28, 1)),\n" + LAYERS + "\n])"
COMPILE = 'cnn.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])'
FIT = "history = cnn.fit(split.x_train, split.y_train, epochs=3"
# q5: feature maps
MAPS = "return np.asarray(conv(image[np.newaxis]))[0]"
STRONGEST = "strongest_filter = int(maps.sum(axis=(0, 1)).argmax())"
NUMPY_MAPS = """kernel, bias = conv.get_weights()
    maps = np.stack([sum(cross_correlate2d(image[:, :, c], kernel[:, :, c, f]) for c in range(kernel.shape[2]))
                     for f in range(kernel.shape[3])], axis=-1)
    """
# q6: shifted digits
SHIFT = """moved = np.zeros_like(images)
    moved[:, :, pixels:] = images[:, :, :images.shape[2] - pixels]
    return moved"""
PREDICT = "scores = model.predict(shift_right(x, pixels), verbose=0)"
FRACTION = "return float(np.mean(np.argmax(scores, axis=1) == y))"
DROPS = "drops = {name: accuracies[0] - accuracies[2] for name, accuracies in shift_table.items()}"
ANSWER = 'more_robust = "cnn"'

CATALOGUE = {
    "q1": [
        right("sliding windows and np.einsum", {
            LOOP: "    windows = np.lib.stride_tricks.sliding_window_view(image, kernel.shape)\n"
                  '    return np.einsum("ijkl,kl->ij", windows, kernel)'}),
        right("scipy.signal.correlate2d", {
            LOOP: '    import scipy.signal\n    return scipy.signal.correlate2d(image, kernel, mode="valid")'}),
        right("a loop over the kernel's entries, each adding a shifted slice", {
            LOOP: "    for a in range(height):\n        for b in range(width):\n"
                  "            out += kernel[a, b] * image[a:a + out.shape[0], b:b + out.shape[1]]\n    return out"}),
        right("SciPy's convolution of the flipped kernel", {
            LOOP: "    import scipy.signal\n"
                  '    return scipy.signal.convolve2d(image, kernel[::-1, ::-1], mode="valid")'}),
        wrong("convolution: the kernel is flipped", {
            LOOP: '    import scipy.signal\n    return scipy.signal.convolve2d(image, kernel, mode="valid")'},
              "your kernel is flipped"),
        wrong("one position short along each axis", {
            "out = np.zeros((image.shape[0] - height + 1, image.shape[1] - width + 1))":
                "out = np.zeros((image.shape[0] - height, image.shape[1] - width))"}, "n - k + 1 along each axis"),
        wrong("assumes a square kernel", {"height, width = kernel.shape": "height = width = kernel.shape[0]"},
              "a kernel need not be square"),
        wrong("a map the size of the image, windows running off the edge", {
            "out = np.zeros((image.shape[0] - height + 1, image.shape[1] - width + 1))": "out = np.zeros(image.shape)"},
              "one value per position where the whole kernel fits"),
    ],
    "q2": [
        right("a loop over the windows with np.max, np.mean and np.linalg.norm", {
            POOLING: 'reduce = {"max": np.max, "average": np.mean, "l2": np.linalg.norm}[mode]\n'
                     "    out = np.zeros((rows, cols))\n"
                     "    for i in range(rows):\n        for j in range(cols):\n"
                     "            out[i, j] = reduce(x[i * size:(i + 1) * size, j * size:(j + 1) * size])\n"
                     "    return out"}),
        right("strided sliding windows", {
            WINDOWS: "windows = np.lib.stride_tricks.sliding_window_view(x, (size, size))[::size, ::size]"
                     ".transpose(0, 2, 1, 3)"}),
        right("L2 as the root of size * size times the mean square", {
            L2: "return np.sqrt(size * size * np.mean(windows ** 2, axis=(1, 3)))"}),
        wrong("root mean square for L2", {L2: "return np.sqrt(np.mean(windows ** 2, axis=(1, 3)))"},
              "you took the root of their mean"),
        wrong("windows cut in the wrong order", {
            POOLING: "windows = x[:rows * size, :cols * size].reshape(rows, cols, size, size)\n"
                     '    if mode == "max":\n        return windows.max(axis=(2, 3))\n'
                     '    if mode == "average":\n        return windows.mean(axis=(2, 3))\n'
                     "    return np.sqrt((windows ** 2).sum(axis=(2, 3)))"},
              "check how you cut the array"),
        wrong("a maximum that starts from 0", {
            MAX: 'if mode == "max":\n        out = np.zeros((rows, cols))\n'
                 "        for i in range(rows):\n            for j in range(cols):\n                best = 0\n"
                 "                for value in x[i * size:(i + 1) * size, j * size:(j + 1) * size].flat:\n"
                 "                    best = max(best, value)\n                out[i, j] = best\n        return out"},
              "start from the window's values, not from 0"),
        wrong("overlapping windows (stride 1)", {
            WINDOWS: "windows = np.lib.stride_tricks.sliding_window_view(x, (size, size)).transpose(0, 2, 1, 3)"},
              "the windows do not overlap"),
    ],
    "q3": [
        right("NumPy integers from np.prod", {
            CONV: "return np.prod([kernel_size, kernel_size, channels_in]) * filters + filters"}),
        right("weights and biases counted apart", {
            CONV: "weights = kernel_size ** 2 * channels_in * filters\n    return weights + filters",
            DENSE: "return inputs * units + units"}),
        right("the maps' size read from a Keras layer", {
            COUNT: "maps = keras.layers.Conv2D(20, 5).compute_output_shape((None, 28, 28, 1))\n"
                   "dense_count = dense_params(784, int(np.prod(maps[1:])))"}),
        wrong("no biases", {CONV: "return kernel_size * kernel_size * channels_in * filters"},
              "add one bias per filter"),
        wrong("ignores the input channels", {CONV: "return (kernel_size * kernel_size + 1) * filters"},
              "each filter spans all channels_in input channels"),
        wrong("a float from math.pow", {
            CONV: "import math\n    return (math.pow(kernel_size, 2) * channels_in + 1) * filters"},
              "should be a whole number (an int)"),
        wrong("a dense layer without biases", {DENSE: "return inputs * units"}, "add one bias per unit"),
        wrong("feature maps as large as the input", {COUNT: "dense_count = dense_params(28 * 28, 28 * 28 * 20)"},
              "28 - 5 + 1 = 24"),
    ],
    "q4": [
        right("the chapter's deeper CNN with a cosine schedule", {
            LAYERS: '    keras.layers.Conv2D(32, 3, activation="relu"),\n    keras.layers.MaxPooling2D(2),\n'
                    '    keras.layers.Conv2D(64, 3, activation="relu"),\n    keras.layers.MaxPooling2D(2),\n'
                    '    keras.layers.Conv2D(64, 3, activation="relu"),\n    keras.layers.Flatten(),\n'
                    '    keras.layers.Dense(64, activation="relu"),\n    keras.layers.Dense(10, activation="softmax"),',
            COMPILE: "schedule = keras.optimizers.schedules.CosineDecay(2e-3, decay_steps=3 * 219)\n"
                     'cnn.compile(optimizer=keras.optimizers.Adam(schedule), loss="sparse_categorical_crossentropy",'
                     ' metrics=["accuracy"])'}),
        right("LeNet-style: tanh and average pooling", {
            LAYERS: '    keras.layers.Conv2D(6, 5, activation="tanh"),\n    keras.layers.AveragePooling2D(2),\n'
                    '    keras.layers.Conv2D(16, 5, activation="tanh"),\n    keras.layers.AveragePooling2D(2),\n'
                    '    keras.layers.Flatten(),\n    keras.layers.Dense(84, activation="tanh"),\n'
                    '    keras.layers.Dense(10, activation="softmax"),'}),
        right("the functional API, logits and from_logits", {
            BUILD: "inputs = keras.Input(shape=(28, 28, 1))\n"
                   'features = keras.layers.Conv2D(16, 3, activation="relu")(inputs)\n'
                   "features = keras.layers.MaxPooling2D(2)(features)\n"
                   'features = keras.layers.Conv2D(32, 3, activation="relu")(features)\n'
                   "features = keras.layers.MaxPooling2D(2)(features)\n"
                   "cnn = keras.Model(inputs, keras.layers.Dense(10)(keras.layers.Flatten()(features)))",
            COMPILE: 'cnn.compile(optimizer="adam", metrics=["accuracy"],\n'
                     "            loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))"}),
        right("one-hot labels and categorical cross-entropy", {
            COMPILE: 'cnn.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])',
            FIT: "history = cnn.fit(split.x_train, keras.utils.to_categorical(split.y_train, 10), epochs=3",
            "validation_data=(split.x_val, split.y_val))":
                "validation_data=(split.x_val, keras.utils.to_categorical(split.y_val, 10)))"}),
        wrong("not trained: 0 epochs", {FIT: "history = cnn.fit(split.x_train, split.y_train, epochs=0"},
              "is the model trained?"),
        wrong("trained on 300 images only", {
            FIT: "history = cnn.fit(split.x_train[:300], split.y_train[:300], epochs=3"}, "at least 93% is needed"),
        wrong("5 epochs", {FIT: "history = cnn.fit(split.x_train, split.y_train, epochs=5"}, "the limit is 3"),
        wrong("fit called twice", {
            FIT: "cnn.fit(split.x_train, split.y_train, epochs=1, verbose=0)\n" + FIT},
              "fit was called more than once on the same model"),
        wrong("a dense network, no convolution", {
            LAYERS: '    keras.layers.Flatten(),\n    keras.layers.Dense(64, activation="relu"),\n'
                    '    keras.layers.Dense(10, activation="softmax"),'}, "cnn has no Conv2D layer"),
        wrong("too many parameters", {
            "    keras.layers.Flatten(),\n":
                '    keras.layers.Flatten(),\n    keras.layers.Dense(128, activation="relu"),\n'},
              "the limit is 100,000"),
    ],
    "q5": [
        right("a sub-model that ends at the layer", {
            MAPS: "return keras.Model(model.inputs, conv.output).predict(image[np.newaxis], verbose=0)[0]"}),
        right("NumPy with question 1's function, the bias and the layer's activation", {
            MAPS: NUMPY_MAPS + "return np.asarray(conv.activation(maps + bias))"}),
        right("tf.nn.conv2d with the layer's weights", {
            MAPS: 'return np.asarray(conv.activation(tf.nn.conv2d(image[np.newaxis], conv.kernel, 1, "VALID")'
                  " + conv.bias))[0]"}),
        right("the largest mean, as a NumPy integer", {
            STRONGEST: "strongest_filter = np.argmax(maps.mean(axis=(0, 1)))"}),
        wrong("NumPy without the bias", {MAPS: NUMPY_MAPS + "return np.asarray(conv.activation(maps))"},
              "add the layer's bias"),
        wrong("NumPy without the activation", {MAPS: NUMPY_MAPS + "return maps + bias"},
              "apply the layer's activation"),
        wrong("the global cnn, not the model argument", {
            "layer for layer in model.layers": "layer for layer in cnn.layers"}, "not your cnn"),
        wrong("keeps the batch axis", {MAPS: "return np.asarray(conv(image[np.newaxis]))"}, "drop the batch axis"),
        wrong("the argmax of all the maps' values", {STRONGEST: "strongest_filter = int(maps.argmax())"},
              "take the argmax over the filters"),
        wrong("the weakest filter", {STRONGEST: "strongest_filter = int(maps.sum(axis=(0, 1)).argmin())"},
              "the largest sum, not the smallest"),
    ],
    "q6": [
        right("np.pad, then the first columns", {
            SHIFT: "return np.pad(images, ((0, 0), (0, 0), (pixels, 0), (0, 0)))[:, :, :images.shape[2]]"}),
        right("zeros and the kept columns joined with np.concatenate", {
            SHIFT: "kept = images[:, :, :images.shape[2] - pixels]\n"
                   "    return np.concatenate([np.zeros_like(images[:, :, :pixels]), kept], axis=2)"}),
        right("calling the model and counting the hits", {
            PREDICT: "scores = np.asarray(model(shift_right(x, pixels)))",
            FRACTION: "return np.count_nonzero(scores.argmax(axis=1) == y) / len(y)"}),
        right("drops written out, key by key", {
            DROPS: 'drops = {"cnn": shift_table["cnn"][0] - shift_table["cnn"][2],\n'
                   '         "dense": shift_table["dense"][0] - shift_table["dense"][2]}'}),
        right("more_robust computed from the table", {
            ANSWER: "more_robust = min(shift_table, key=lambda name: shift_table[name][0] - shift_table[name][2])"}),
        wrong("np.roll, which wraps around", {SHIFT: "return np.roll(images, pixels, axis=2)"}, "np.roll wraps"),
        wrong("moves the rows", {
            SHIFT: "moved = np.zeros_like(images)\n    moved[:, pixels:] = images[:, :images.shape[1] - pixels]\n"
                   "    return moved"}, "move the columns (axis 2), not the rows"),
        wrong("a[:-pixels], empty when pixels is 0", {
            "images[:, :, :images.shape[2] - pixels]": "images[:, :, :-pixels]"},
              "pixels = 0 should return the images unchanged"),
        wrong("a count, not a fraction", {FRACTION: "return int(np.sum(np.argmax(scores, axis=1) == y))"},
              "a fraction of the images, not a count"),
        wrong("the validation split from the notebook, not the x and y given", {
            PREDICT: "scores = model.predict(shift_right(split.x_val, pixels), verbose=0)",
            FRACTION: "return float(np.mean(np.argmax(scores, axis=1) == split.y_val))"},
              "score the model on the x and y it is given"),
        wrong("the digits never shifted", {PREDICT: "scores = model.predict(x, verbose=0)"},
              "shift the images before the model classifies them"),
        wrong("the fall to 1 pixel", {DROPS: DROPS.replace("accuracies[2]", "accuracies[1]")},
              "that is the fall to 1 pixel"),
        wrong("falls in percentage points", {DROPS: DROPS.replace("accuracies[0] - accuracies[2]",
                                                                  "100 * (accuracies[0] - accuracies[2])")},
              "not of percentages"),
        wrong("the other network", {ANSWER: 'more_robust = "dense"'}, "'s falls less"),
    ],
}

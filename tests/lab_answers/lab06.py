"""Lab 6: other right answers and typical mistakes, question by question."""

from lab_answers.answer import right, wrong

OUTPUT_SIZE = "return (n + 2 * padding - dilation * (k - 1) - 1) // stride + 1"

OUT_AND_TOTAL = "out = -(-n // stride)\n    total = max((out - 1) * stride + k - n, 0)"
TOTAL = "total = max((out - 1) * stride + k - n, 0)"
SPLIT = "return total // 2, total - total // 2"

STEP = "size += (kernel - 1) * jump\n        jump *= stride"
FIELD = "size, jump = 1, 1\n    for kernel, stride in layers:\n        " + STEP

DEFAULT_STRIDE = "if strides is None:\n        strides = pool_size"
SAME = "return -(-n // strides)"
VALID = "return (n - pool_size) // strides + 1"

PARAMS = "return (kernel * kernel * channels_in + (1 if use_bias else 0)) * filters"
TWO = "two_3x3 = conv_params(3, 64, 64) + conv_params(3, 64, 64)"

SMALLEST = "smallest = (out - 1) * stride + k"
SIZES = "return list(range(smallest, smallest + stride))"

PROBE = ('keras.layers.Conv2D(1, 3, kernel_initializer="ones"),\n'
         "    keras.layers.AveragePooling2D(2),\n"
         '    keras.layers.Conv2D(1, 3, dilation_rate=2, kernel_initializer="ones"),\n'
         '    keras.layers.Conv2D(1, 3, strides=2, kernel_initializer="ones"),')
GAPPY_PROBE = ('keras.layers.Conv2D(1, 3, strides=2, kernel_initializer="ones"),\n'
               "    keras.layers.AveragePooling2D(2),\n"
               '    keras.layers.Conv2D(1, 3, dilation_rate=2, kernel_initializer="ones"),')
DILATED = "windows.append((kernel + (kernel - 1) * (dilation - 1), layer.strides[0]))"
POOLING = ("elif isinstance(layer, (keras.layers.AveragePooling2D, keras.layers.MaxPooling2D)):\n"
           "            windows.append((layer.pool_size[0], layer.strides[0]))")
ROWS = "rows = np.flatnonzero(np.abs(influence).sum(axis=1) > 0)"
MEASURED = "measured_field = int(rows.max() - rows.min() + 1)"

CATALOGUE = {
    "q1": [
        right("the dilated span first, math.floor", {
            OUTPUT_SIZE: "import math\n\n    span = dilation * (k - 1) + 1\n"
                         "    return math.floor((n + 2 * padding - span) / stride) + 1"}),
        right("a loop over the window's positions", {
            OUTPUT_SIZE: "count, start = 0, 0\n    while start + dilation * (k - 1) + 1 <= n + 2 * padding:\n"
                         "        count += 1\n        start += stride\n    return count"}),
        right("np.floor_divide, a NumPy integer", {
            OUTPUT_SIZE: "return np.floor_divide(n + 2 * padding - dilation * (k - 1) - 1, stride) + 1"}),
        right("the length of a range of start positions", {
            OUTPUT_SIZE: "return len(range(0, n + 2 * padding - dilation * (k - 1), stride))"}),
        wrong("no + 1", {OUTPUT_SIZE: "return (n + 2 * padding - dilation * (k - 1) - 1) // stride"}, "off-by-one"),
        wrong("the padding on one side only", {
            OUTPUT_SIZE: "return (n + padding - dilation * (k - 1) - 1) // stride + 1"}, "on each side"),
        wrong("the dilation ignored", {OUTPUT_SIZE: "return (n + 2 * padding - k) // stride + 1"},
              "a dilated kernel spans"),
        wrong("the dilated kernel taken as k * dilation", {
            OUTPUT_SIZE: "return (n + 2 * padding - k * dilation) // stride + 1"}, "a dilated kernel spans"),
        wrong("/ instead of //, a float", {
            OUTPUT_SIZE: "return (n + 2 * padding - dilation * (k - 1) - 1) / stride + 1"}, "whole number"),
        wrong("rounded up", {
            OUTPUT_SIZE: "return -(-(n + 2 * padding - dilation * (k - 1) - 1) // stride) + 1"}, "round down"),
    ],
    "q2": [
        right("math.ceil for the number of outputs", {
            "out = -(-n // stride)": "import math\n\n    out = math.ceil(n / stride)"}),
        right("TensorFlow's own rule, by the remainder n % stride", {
            OUT_AND_TOTAL: "if n % stride == 0:\n        total = max(k - stride, 0)\n"
                           "    else:\n        total = max(k - n % stride, 0)"}),
        right("zeros added one at a time until ceil(n / stride) windows fit", {
            OUT_AND_TOTAL: "total = 0\n    while (n + total - k) // stride + 1 < -(-n // stride):\n"
                           "        total += 1"}),
        right("a NumPy array with (total + 1) // 2 after", {
            SPLIT: "return np.array([total // 2, (total + 1) // 2])"}),
        wrong("k - 1 zeros at every stride: too many after", {TOTAL: "total = k - 1"},
              "right at stride 1 only"),
        wrong("the extra zero before", {SPLIT: "return total - total // 2, total // 2"},
              "the extra zero goes after, not before"),
        wrong("n // stride outputs", {"out = -(-n // stride)": "out = n // stride"}, "ceil(n / stride)"),
        wrong("a negative total when no zeros are needed", {TOTAL: "total = (out - 1) * stride + k - n"},
              "never negative"),
        wrong("(k - 1) // 2 on each side", {SPLIT: "return (k - 1) // 2, (k - 1) // 2"},
              "just enough zeros for the last"),
    ],
    "q3": [
        right("from the output back to the input", {
            FIELD: "size = 1\n    for kernel, stride in reversed(layers):\n"
                   "        size = (size - 1) * stride + kernel"}),
        right("np.prod of the strides before each layer, a NumPy integer", {
            FIELD: "strides = [stride for _, stride in layers]\n"
                   "    size = 1 + sum((kernel - 1) * np.prod(strides[:i], dtype=int) "
                   "for i, (kernel, _) in enumerate(layers))"}),
        right("the pixels traced layer by layer", {
            FIELD: "seen = {0}\n    for kernel, stride in reversed(layers):\n"
                   "        seen = {p * stride + t for p in seen for t in range(kernel)}\n"
                   "    size = max(seen) - min(seen) + 1"}),
        wrong("the strides ignored", {"jump *= stride": "jump *= 1"}, "the product of the strides"),
        wrong("a layer's own stride counted", {STEP: "jump *= stride\n        size += (kernel - 1) * jump"},
              "own stride does not widen its window"),
        wrong("kernel * jump, not (kernel - 1) * jump", {"size += (kernel - 1) * jump": "size += kernel * jump"},
              "off-by-one"),
    ],
    "q4": [
        right("strides or pool_size, math.ceil", {
            DEFAULT_STRIDE: "import math\n\n    strides = strides or pool_size",
            SAME: "return math.ceil(n / strides)"}),
        right("conv_output_size of question 1 for valid", {VALID: "return conv_output_size(n, pool_size, strides)"}),
        right("np.ceil and a range of window positions", {
            SAME: "return int(np.ceil(n / strides))", VALID: "return len(range(0, n - pool_size + 1, strides))"}),
        wrong("a default stride of 1", {DEFAULT_STRIDE: "if strides is None:\n        strides = 1"},
              "strides=None means a stride equal to the pool size"),
        wrong("valid rounded up", {VALID: "return -(-(n - pool_size) // strides) + 1"}, "round down"),
        wrong('"same" keeps the length whatever the stride', {SAME: "return n"}, "ceil(n / strides)"),
        wrong('"same" rounded down', {SAME: "return n // strides"}, "ceil(n / strides)"),
    ],
    "q5": [
        right("kernel ** 2 and a boolean bias", {
            PARAMS: "return kernel ** 2 * channels_in * filters + filters * use_bias"}),
        right("np.prod of the kernel's shape, a NumPy integer", {
            PARAMS: "return np.prod([kernel, kernel, channels_in, filters]) + (filters if use_bias else 0)"}),
        right("counted by a built Keras layer, two layers as twice one", {
            PARAMS: "layer = keras.layers.Conv2D(filters, kernel, use_bias=use_bias)\n"
                    "    layer.build((None, kernel, kernel, channels_in))\n    return layer.count_params()",
            TWO: "two_3x3 = 2 * conv_params(3, 64, 64)"}),
        wrong("no bias", {PARAMS: "return kernel * kernel * channels_in * filters"}, "each filter has one bias"),
        wrong("one bias for the layer", {
            PARAMS: "return kernel * kernel * channels_in * filters + (1 if use_bias else 0)"},
              "one bias per filter"),
        wrong("the input channels ignored", {PARAMS: "return (kernel * kernel + (1 if use_bias else 0)) * filters"},
              "spans all channels_in input channels"),
        wrong("use_bias ignored", {PARAMS: "return (kernel * kernel * channels_in + 1) * filters"},
              "use_bias=False leaves the biases out"),
        wrong("one layer counted for two", {TWO: "two_3x3 = conv_params(3, 64, 64)"}, "count both layers"),
    ],
    "q6": [
        right("a search with conv_output_size of question 1", {
            SMALLEST + "\n    " + SIZES:
                "return [n for n in range(k, (out + 1) * stride + k) if conv_output_size(n, k, stride) == out]"}),
        right("np.arange, NumPy integers", {SIZES: "return np.arange(smallest, smallest + stride)"}),
        right("a range, not a list", {SIZES: "return range(smallest, smallest + stride)"}),
        wrong("one size too many", {SIZES: "return list(range(smallest, smallest + stride + 1))"},
              "another window fits"),
        wrong("only the smallest size", {SIZES: "return [smallest]"}, "input sizes share each output size"),
        wrong("the kernel forgotten: n // stride == out", {SMALLEST: "smallest = out * stride"},
              "the smallest input holds"),
        wrong("one pixel short", {SMALLEST: "smallest = (out - 1) * stride + k - 1"}, "the smallest input holds"),
    ],
    "q7": [
        right("another design: a strided 5x5 first, the dilated layer last", {
            PROBE: 'keras.layers.Conv2D(2, 5, strides=2, kernel_initializer="ones"),\n'
                   "    keras.layers.AveragePooling2D(3, strides=1),\n"
                   '    keras.layers.Conv2D(1, 3, dilation_rate=3, kernel_initializer="ones"),'}),
        right("a field with gaps, measured from the first to the last row", {PROBE: GAPPY_PROBE}),
        right("the layers' settings read from get_config()", {
            "if isinstance(layer, keras.layers.Conv2D):\n"
            "            kernel, dilation = layer.kernel_size[0], layer.dilation_rate[0]\n"
            "            " + DILATED + "\n        " + POOLING:
                "config = layer.get_config()\n"
                '        if "kernel_size" in config:\n'
                '            kernel, dilation = config["kernel_size"][0], config["dilation_rate"][0]\n'
                '            windows.append((dilation * (kernel - 1) + 1, config["strides"][0]))\n'
                '        elif "pool_size" in config:\n'
                '            windows.append((config["pool_size"][0], config["strides"][0]))'}),
        right("np.nonzero and np.ptp, a NumPy integer", {
            ROWS: "rows = np.nonzero(influence.any(axis=1))[0]", MEASURED: "measured_field = np.ptp(rows) + 1"}),
        wrong("max pooling", {"keras.layers.AveragePooling2D(2)": "keras.layers.MaxPooling2D(2)"},
              "max pooling passes the gradient to one pixel"),
        wrong("random weights and ReLU", {PROBE: PROBE.replace('kernel_initializer="ones"', 'activation="relu"')},
              'kernel_initializer="ones"'),
        wrong("rows with a gradient counted, the gaps left out", {
            PROBE: GAPPY_PROBE, MEASURED: "measured_field = len(rows)"},
              "the gaps between a dilated kernel's taps included"),
        wrong("the pixels of the field counted, not its rows", {
            MEASURED: "measured_field = int(np.count_nonzero(influence))"}, "count rows along one axis"),
        wrong("the dilation left out of the effective kernel", {DILATED: "windows.append((kernel, layer.strides[0]))"},
              "effective size is kernel + (kernel - 1) * (dilation - 1)"),
        wrong("the pooling layers skipped", {POOLING: "pass"}, "every Conv2D and pooling layer has a window"),
    ],
}

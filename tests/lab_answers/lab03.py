"""Lab 3: other right answers and typical mistakes, question by question."""

from lab_answers.answer import right, wrong

SIGMOID = "return 0.5 * (1 + np.tanh(0.5 * x))"
SIGMOID_GRAD = "s = sigmoid(x)\n    return s * (1 - s)"
RELU = "return np.maximum(np.asarray(x, dtype=float), 0)"
RELU_GRAD = "return (np.asarray(x, dtype=float) > 0).astype(float)"
STEP = "kernel, bias = kernel @ next_kernel, bias @ next_kernel + next_bias"
COLLAPSE = ("kernel, bias = weights[0]\n    for next_kernel, next_bias in weights[1:]:\n        " + STEP
            + "\n    return kernel, bias")
NORMS = "return [float(tf.norm(g)) for g in tape.gradient(loss, kernels)]"
SIGMOID_RATIO = "sigmoid_ratio = sigmoid_norms[-1] / sigmoid_norms[0]"
RELU_RATIO = "relu_ratio = relu_norms[-1] / relu_norms[0]"
FADES = 'fades = "sigmoid" if sigmoid_ratio > relu_ratio else "relu"'
OUTPUTS = "outputs = np.asarray(layer(x))"
FRACTION = "return float(np.mean(np.all(outputs == 0, axis=0)))"

CATALOGUE = {
    "q1": [
        right("the textbook stable form with np.where", {
            SIGMOID: "return np.where(x >= 0, 1 / (1 + np.exp(-x)), np.exp(x) / (1 + np.exp(x)))"}),
        right("np.where on exp(-|x|)", {
            SIGMOID: "z = np.exp(-np.abs(x))\n    return np.where(x >= 0, 1 / (1 + z), z / (1 + z))"}),
        right("1 / (1 + exp(-x)), which reaches 0 through inf", {SIGMOID: "return 1 / (1 + np.exp(-x))"}),
        right("scipy.special.expit", {SIGMOID: "import scipy.special\n    return scipy.special.expit(x)"}),
        right("a boolean ReLU derivative and x * (x > 0)", {
            RELU_GRAD: "return np.asarray(x) > 0",
            RELU: "x = np.asarray(x, dtype=float)\n    return x * (x > 0)"}),
        wrong("exp(x) / (1 + exp(x))", {SIGMOID: "return np.exp(x) / (1 + np.exp(x))"}, "inf / inf is nan"),
        wrong("tanh(x) instead of tanh(x / 2)", {SIGMOID: "return 0.5 * (1 + np.tanh(x))"}, "halve z inside the tanh"),
        wrong("relu'(0) = 1", {RELU_GRAD: "return (np.asarray(x, dtype=float) >= 0).astype(float)"},
              "relu_grad differs from TensorFlow"),
        wrong("sigmoid' without the 1 - s", {"return s * (1 - s)": "return s"}, "sigmoid'(0) = 0.25"),
        wrong("sigmoid' as exp(-x) / (1 + exp(-x))**2", {
            SIGMOID_GRAD: "e = np.exp(-np.asarray(x, dtype=float))\n    return e / (1 + e) ** 2"}, "overflows"),
    ],
    "q2": [
        right("functools.reduce", {
            COLLAPSE: "import functools\n\n"
                      "    return functools.reduce(lambda a, b: (a[0] @ b[0], a[1] @ b[0] + b[1]), weights)"}),
        right("the stack run on the identity matrix and on zeros", {
            COLLAPSE: "def forward(x):\n        for layer_kernel, layer_bias in weights:\n"
                      "            x = x @ layer_kernel + layer_bias\n        return x\n\n"
                      "    n = len(weights[0][0])\n    bias = forward(np.zeros(n))\n"
                      "    return forward(np.eye(n)) - bias, bias"}),
        right("recursion on the rest of the stack", {
            COLLAPSE: "if len(weights) == 1:\n        return weights[0]\n"
                      "    (k1, b1), (k2, b2) = weights[0], collapse_linear(weights[1:])\n"
                      "    return k1 @ k2, b1 @ k2 + b2"}),
        wrong("the biases added up", {STEP: "kernel, bias = kernel @ next_kernel, bias + next_bias"},
              "not b1 + b2 + b3"),
        wrong("the kernels multiplied in the reverse order", {
            STEP: "kernel, bias = next_kernel @ kernel, bias @ next_kernel + next_bias"}, "in the reverse order"),
        wrong("the later biases left out", {STEP: "kernel, bias = kernel @ next_kernel, bias @ next_kernel"},
              "add each later layer's own bias"),
        wrong("an elementwise product", {STEP: "kernel, bias = kernel * next_kernel, bias * next_kernel + next_bias"},
              "matrix product"),
        wrong("only the first two layers", {"in weights[1:]:": "in weights[1:2]:"}, "W1 @ W2 @ W3"),
    ],
    "q3": [
        right("np.linalg.norm", {
            NORMS: "return [float(np.linalg.norm(g.numpy())) for g in tape.gradient(loss, kernels)]"}),
        right("the square root of the sum of squares", {
            NORMS: "return [float(tf.sqrt(tf.reduce_sum(tf.square(g)))) for g in tape.gradient(loss, kernels)]"}),
        right("every other trainable variable", {
            NORMS: "return [float(tf.norm(g)) for g in tape.gradient(loss, model.trainable_variables)[::2]]"}),
        wrong("every weight, biases too", {
            NORMS: "return [float(tf.norm(g)) for g in tape.gradient(loss, model.trainable_weights)]"},
              "two kernel gradients, not 4"),
        wrong("last layer first", {NORMS: "return [float(tf.norm(g)) for g in tape.gradient(loss, kernels)][::-1]"},
              "first layer first"),
        wrong("the summed loss, not the mean", {
            "loss = loss_fn(y, model(x))":
                "loss = tf.reduce_sum(keras.losses.sparse_categorical_crossentropy(y, model(x)))"},
              "summed over the batch"),
        wrong("squared norms", {
            NORMS: "return [float(tf.reduce_sum(tf.square(g))) for g in tape.gradient(loss, kernels)]"},
              "take the square root"),
    ],
    "q4": [
        right("NumPy float32 ratios", {
            SIGMOID_RATIO: "sigmoid_ratio = np.float32(sigmoid_norms[-1]) / np.float32(sigmoid_norms[0])",
            RELU_RATIO: "relu_ratio = np.float32(relu_norms[-1]) / np.float32(relu_norms[0])"}),
        right("the network whose first layer gets the smaller share", {
            FADES: 'fades = "sigmoid" if sigmoid_norms[0] / sigmoid_norms[-1] < relu_norms[0] / relu_norms[-1] '
                   'else "relu"'}),
        right("the answer typed in after reading the ratios", {FADES: 'fades = "sigmoid"'}),
        wrong("the ratio upside down", {SIGMOID_RATIO: "sigmoid_ratio = sigmoid_norms[0] / sigmoid_norms[-1]"},
              "upside down"),
        wrong("the second layer taken for the first", {RELU_RATIO: "relu_ratio = relu_norms[-1] / relu_norms[1]"},
              "index 0"),
        wrong("the last hidden layer taken for the output layer", {
            SIGMOID_RATIO: "sigmoid_ratio = sigmoid_norms[-2] / sigmoid_norms[0]"}, "index -1"),
        wrong("the other network", {FADES: 'fades = "relu"'}, "fades more in the sigmoid network"),
        wrong("a capital letter", {FADES: 'fades = "Sigmoid"'}, 'should be "sigmoid" or "relu"'),
    ],
    "q5": [
        right("the kernel and bias in NumPy", {
            OUTPUTS: "kernel, bias = layer.get_weights()\n    outputs = np.maximum(np.asarray(x) @ kernel + bias, 0)"}),
        right("a Keras model that ends at the first layer", {
            OUTPUTS: "outputs = keras.Model(model.inputs, layer.output).predict(x, verbose=0)"}),
        right("each unit's largest output", {
            FRACTION: "return int(np.sum(outputs.max(axis=0) <= 0)) / outputs.shape[1]"}),
        wrong("zero on any example, not on every one", {
            FRACTION: "return float(np.mean(np.any(outputs == 0, axis=0)))"}, "dead means 0 on every example"),
        wrong("the bias left out", {OUTPUTS: "outputs = np.maximum(np.asarray(x) @ layer.get_weights()[0], 0)"},
              "dead because of their bias"),
        wrong("a count", {FRACTION: "return int(np.sum(np.all(outputs == 0, axis=0)))"}, "not a count"),
        wrong("the fraction of zero outputs", {FRACTION: "return float(np.mean(outputs == 0))"},
              "2 of the 6 units are dead"),
    ],
}

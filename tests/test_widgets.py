"""The widgets' Python side: settings drive the NumPy results they report, and bad settings are refused."""

import keras
import numpy as np
import pytest
import tensorflow as tf

from gencnn.activations import ACTIVATIONS, activation, cross_entropy, softmax
from gencnn.conv import cross_correlate
from gencnn.dropout import dropout, keep_mask, sums_of_draws
from gencnn.widgets import ActivationExplorer, ConvolutionExplorer, DropoutVisualizer, SoftmaxExplorer, WidgetValueError
from gencnn.widgets.convolution import PRESETS


@pytest.fixture(scope="module")
def explorer():
    return ConvolutionExplorer()


def test_default_inputs_are_real_digits_and_shapes(explorer):
    assert [name for name in explorer.images if name.startswith("digit")] == [f"digit {d}" for d in (0, 2, 4, 7, 9)]
    assert {"square", "cross", "stripes", "diagonal"} <= set(explorer.images)
    for name in explorer.images:
        explorer.image = name
        assert explorer.input.shape == (28, 28) and 0 <= explorer.input.min() < explorer.input.max() <= 1


def test_cross_correlate_is_what_a_keras_conv2d_filter_computes():
    rng = np.random.default_rng(1)
    for n, k, stride, padding, dilation in [(28, 3, 1, "valid", 1), (28, 3, 2, "same", 1), (13, 4, 3, "same", 1),
                                            (12, 3, 1, "same", 2), (9, 2, 2, "valid", 1), (10, 5, 1, "valid", 2)]:
        image, kernel = rng.normal(size=(n, n)), rng.normal(size=(k, k))
        layer = keras.layers.Conv2D(1, k, strides=stride, padding=padding, dilation_rate=dilation, use_bias=False)
        layer.build((1, n, n, 1))
        layer.set_weights([kernel[:, :, None, None]])
        expected = np.asarray(layer(image[None, :, :, None].astype("float32")))[0, :, :, 0]
        np.testing.assert_allclose(cross_correlate(image, kernel, stride, padding, dilation), expected, atol=1e-5)


@pytest.mark.parametrize("settings, shape", [
    ({}, (26, 26)), ({"stride": 2}, (13, 13)), ({"padding": "same"}, (28, 28)),
    ({"stride": 3, "padding": "same"}, (10, 10)), ({"dilation": 3}, (22, 22)),
    ({"kernel": [[1, 0, 0, 0, -1]]}, (28, 24)),
])
def test_settings_drive_the_feature_map(settings, shape):
    widget = ConvolutionExplorer(image="digit 7", **settings)
    assert widget.feature_map.shape == shape
    np.testing.assert_array_equal(widget.feature_map, cross_correlate(
        widget.input, widget.kernel, widget.stride, widget.padding, widget.dilation))


def test_presets_and_custom_kernels(explorer):
    explorer.preset = "gaussian"
    assert explorer.kernel == PRESETS["gaussian"] and np.sum(explorer.kernel) == pytest.approx(1)
    explorer.kernel = [[0, 0, 0], [0, 2, 0], [0, 0, 0]]
    assert explorer.preset == "custom"
    explorer.kernel = PRESETS["sobel y"]
    assert explorer.preset == "sobel y"
    explorer.image = "stripes"  # vertical stripes: no horizontal edges inside the image
    assert np.abs(explorer.feature_map[1:-1, 1:-1]).max() == 0
    explorer.preset = "sobel x"
    assert np.abs(explorer.feature_map).max() == 4


def test_the_explorer_opens_on_its_strongest_response():
    for image in ("digit 7", "cross"):
        explorer = ConvolutionExplorer(image=image, preset="sobel x")
        strongest = np.abs(explorer.feature_map).max()
        assert strongest > 0 and abs(explorer.feature_map[explorer.selected_pixel]) == strongest
    assert ConvolutionExplorer(image="cross", selected=[2, 3]).selected == [2, 3]  # unless told otherwise


def test_selected_pixel_stays_inside_a_shrinking_feature_map():
    widget = ConvolutionExplorer(image="cross")
    widget.selected = [25, 20]
    widget.stride = 2
    assert widget.selected_pixel == (12, 12)


@pytest.mark.parametrize("settings, message", [
    ({"preset": "blurry"}, "unknown kernel preset 'blurry'"),
    ({"image": "digit 5"}, "unknown image 'digit 5'"),
    ({"stride": 0}, "stride must be a positive integer, not 0"),
    ({"padding": "full"}, "unknown padding 'full'"),
    ({"stride": 2, "dilation": 2}, "not both"),
    ({"kernel": np.ones((29, 3)).tolist()}, "kernel 29 is larger than the padded input (28)"),
    ({"dilation": 14}, "dilated to 29"),
    ({"kernel": [[1, 2], [3]]}, "rectangular 2-D list"),
    ({"kernel": [[1, float("nan")]]}, "finite numbers"),
    ({"images": {"tiny": np.zeros((3, 3))}, "preset": "outline", "dilation": 2}, "no output position fits"),
    ({"images": {"flat": np.zeros(5)}}, "got shape (5,)"),
    ({"images": {"huge": np.zeros((300, 300))}}, "1 to 256 pixels"),
    ({"images": []}, "non-empty dict"),
])
def test_bad_convolution_settings_are_refused_clearly(settings, message):
    with pytest.raises(ValueError, match=None) as raised:
        ConvolutionExplorer(**settings)
    assert message in str(raised.value)


def test_a_refused_change_leaves_the_widget_as_it_was():
    widget = ConvolutionExplorer(images={"small": np.eye(5)}, preset="identity")
    with pytest.raises(WidgetValueError, match="no output position fits"):
        widget.dilation = 3
    assert widget.dilation == 1 and widget.feature_map.shape == (3, 3)


def test_dropout_masks_scale_and_average_out():
    activations = np.arange(1, 65, dtype=float).reshape(8, 8)
    widget = DropoutVisualizer(activations=activations, rate=0.25)
    widget.resample(3)
    mask = widget.mask
    np.testing.assert_array_equal(mask.ravel(), keep_mask(64, 0.25, 3))
    np.testing.assert_array_equal(widget.output[mask], activations[mask] / 0.75)
    assert np.all(widget.output[~mask] == 0)
    widget.rate = 0.5
    assert np.all(widget.mask <= mask)  # a higher rate only drops more units
    widget.resample(10_000)
    sums = widget.sums
    assert len(sums) == 2000
    standard_error = sums.std() / np.sqrt(len(sums))
    assert abs(sums.mean() - activations.sum()) < 4 * standard_error
    widget.training = False
    np.testing.assert_array_equal(widget.output, activations)
    assert widget.mask.all()


def test_dropout_agrees_with_keras_in_distribution():
    # Keras's Dropout draws its own random numbers; what must agree is the rule: zero or input / (1 - rate).
    x = np.full((1, 10_000), 2.0, dtype="float32")
    keras_out = keras.layers.Dropout(0.3, seed=0)(x, training=True).numpy()
    ours = dropout(x, 0.3, seed=0)
    for out in (keras_out, ours):
        np.testing.assert_allclose(np.unique(out), [0.0, 2 / 0.7], rtol=1e-6)
        assert np.mean(out == 0) == pytest.approx(0.3, abs=0.02)


@pytest.mark.parametrize("settings, message", [
    ({"rate": 1.0}, "dropout rate must be a number in [0, 1), not 1.0"),
    ({"rate": -0.1}, "not -0.1"),
    ({"activations": np.zeros((2, 2, 2))}, "got shape (2, 2, 2)"),
    ({"activations": np.zeros((40, 40))}, "at most 32 x 32"),
])
def test_bad_dropout_settings_are_refused_clearly(settings, message):
    with pytest.raises(ValueError) as raised:
        DropoutVisualizer(**settings)
    assert message in str(raised.value)


def test_dropout_reference_checks_its_arguments():
    with pytest.raises(ValueError, match="not '0.5'"):
        keep_mask(4, "0.5", 0)
    with pytest.raises(ValueError, match="seed must be a non-negative integer"):
        keep_mask(4, 0.5, -1)
    assert sums_of_draws(np.ones(4), 0.0, 3).tolist() == [4.0, 4.0, 4.0]


KERAS_ACTIVATIONS = {
    "sigmoid": keras.activations.sigmoid, "tanh": keras.activations.tanh, "relu": keras.activations.relu,
    "leaky_relu": keras.activations.leaky_relu, "elu": keras.activations.elu,
    "softplus": keras.activations.softplus, "silu": keras.activations.silu,
    "gelu": lambda x: keras.activations.gelu(x, approximate=True),
}


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_activations_and_derivatives_match_keras_and_autodiff(name):
    x = tf.constant(np.linspace(-8, 8, 1601))  # float64; 0 is one of the points
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = KERAS_ACTIVATIONS[name](x)
    values, derivatives = activation(name, x.numpy())
    np.testing.assert_allclose(values, y.numpy(), rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(derivatives, tape.gradient(y, x).numpy(), rtol=1e-6, atol=1e-7)


def test_activation_explorer():
    widget = ActivationExplorer(function="tanh", half_width=3)
    assert widget.xs[0] == -3 and widget.xs[-1] == 3 and len(widget.xs) == 201
    np.testing.assert_array_equal(widget.derivatives, 1 - np.tanh(widget.xs) ** 2)
    for settings, message in [({"function": "swish"}, "unknown activation 'swish'"),
                              ({"half_width": 0.1}, "between 0.5 and 20"),
                              ({"half_width": 2, "probe": 3.0}, "probe must lie in the plotted range")]:
        with pytest.raises(ValueError) as raised:
            ActivationExplorer(**settings)
        assert message in str(raised.value)


def test_softmax_is_stable_and_matches_keras():
    logits = np.array([2.0, 1.0, 0.1, -1.0])
    np.testing.assert_allclose(softmax(logits), keras.ops.softmax(logits).numpy(), rtol=1e-6)
    np.testing.assert_allclose(softmax(logits + 1000), softmax(logits))  # shift invariance, no overflow
    assert softmax(logits, 100).max() - softmax(logits, 100).min() < 0.05  # high temperature: nearly uniform
    assert softmax(logits, 0.01)[0] == pytest.approx(1)
    keras_loss = keras.losses.sparse_categorical_crossentropy(np.array([1]), logits[None] / 0.5, from_logits=True)[0]
    assert cross_entropy(logits, 1, 0.5) == pytest.approx(float(keras_loss), rel=1e-5)
    assert np.isfinite(cross_entropy([10, -10], 1, 0.05))  # p = e^-400 underflows; the loss does not


def test_softmax_explorer():
    widget = SoftmaxExplorer(logits=[3, 1, 0], labels=["cat", "dog", "bird"], target=1)
    np.testing.assert_array_equal(widget.probabilities, softmax([3, 1, 0]))
    assert widget.loss == pytest.approx(-np.log(widget.probabilities[1]))
    widget.temperature = 4
    assert widget.probabilities.max() < softmax([3, 1, 0]).max()
    for settings, message in [({"logits": [1, 2], "labels": ["a"]}, "1 labels for 2 logits"),
                              ({"logits": [50, 0]}, "in [-10, 10]"),
                              ({"logits": [1]}, "2 to 10 numbers"),
                              ({"temperature": 0}, "between 0.05 and 20"),
                              ({"target": 4}, "class index from 0 to 3")]:
        with pytest.raises(ValueError) as raised:
            SoftmaxExplorer(**settings)
        assert message in str(raised.value)
    with pytest.raises(ValueError, match="temperature must be a positive number"):
        softmax([1, 2], temperature=-1)
    with pytest.raises(ValueError, match="finite"):
        softmax([1, np.inf])

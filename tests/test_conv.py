"""Convolution arithmetic: checked against the shapes Keras layers actually produce."""

import itertools
import os

import numpy as np
import pytest

from gencnn.conv import conv_output_size, same_padding

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
keras = pytest.importorskip("keras")

SIZES = range(1, 33)
KERNELS = range(1, 8)
STRIDES = range(1, 5)
DILATIONS = range(1, 4)
PADDINGS = ("valid", "same")


def window_positions(n, kernel, stride, padding, dilation=1):
    """Output length by counting where the dilated window fits in the padded input (0 where it never does).

    Independent of the formula in conv_output_size: it walks the window along the axis.
    """
    extent = dilation * (kernel - 1) + 1
    if padding == "same":
        total = max((-(-n // stride) - 1) * stride + extent - n, 0)
    else:
        total = 0
    return sum(1 for start in range(0, n + total, stride) if start + extent <= n + total)


def keras_output_size(layer, n):
    return layer(np.zeros((1, n, n, 1), "float32")).shape[1]


def ours(n, kernel, stride, padding, dilation=1):
    try:
        return conv_output_size(n, kernel, stride, padding, dilation)
    except ValueError as err:
        assert "no output position fits" in str(err), err
        return 0


def check_grid(make_layer, settings):
    """Compare conv_output_size with counted window positions everywhere, and with Keras where a window fits.

    Where no window fits, what TensorFlow does is undefined and differs by CPU (an empty output, a
    wrong size, a SIGFPE in max_pool), so such a setting is never handed to TensorFlow: there ours
    must raise instead.
    """
    compared = refused = 0
    for kernel, stride, dilation, padding in settings:
        layer = make_layer(kernel, stride, dilation, padding)
        for n in SIZES:
            counted = window_positions(n, kernel, stride, padding, dilation)
            assert ours(n, kernel, stride, padding, dilation) == counted, (n, kernel, stride, padding, dilation)
            if counted == 0:
                refused += 1
                continue
            assert keras_output_size(layer, n) == counted, (n, kernel, stride, padding, dilation)
            compared += 1
    return compared, refused


def test_window_positions_count_what_fits():
    assert window_positions(28, 3, 1, "valid") == 26
    assert window_positions(7, 3, 2, "valid") == 3
    assert window_positions(2, 3, 1, "valid") == 0
    assert window_positions(5, 3, 2, "same") == 3
    assert window_positions(1, 7, 1, "valid", 3) == 0


def test_conv2d_grid_matches_keras_where_a_window_fits():
    settings = [(k, s, d, p) for k, s, d, p in itertools.product(KERNELS, STRIDES, DILATIONS, PADDINGS)
                if s == 1 or d == 1]  # Keras refuses a stride and a dilation above 1 together, and so do we
    for kernel, stride in itertools.product(KERNELS, range(2, 5)):
        with pytest.raises(ValueError, match="not both at once"):
            conv_output_size(8, kernel, stride, "valid", 2)
        with pytest.raises(ValueError):  # Keras refuses the layer itself; nothing is computed
            keras.layers.Conv2D(1, kernel, strides=stride, dilation_rate=2)
    compared, refused = check_grid(
        lambda k, s, d, p: keras.layers.Conv2D(1, k, strides=s, padding=p, dilation_rate=d), settings)
    assert compared + refused == 32 * 7 * 2 * (4 + 3 - 1)
    assert refused > 100  # the grid does reach inputs where no window fits


@pytest.mark.parametrize("pooling", ["MaxPooling2D", "AveragePooling2D"])
def test_pooling_grid_matches_keras_where_a_window_fits(pooling):
    settings = [(k, s, 1, p) for k, s, p in itertools.product(KERNELS, STRIDES, PADDINGS)]
    compared, refused = check_grid(lambda k, s, d, p: getattr(keras.layers, pooling)(k, strides=s, padding=p),
                                   settings)
    assert compared + refused == 32 * 7 * 4 * 2
    assert refused > 0


def test_no_window_fits_is_never_handed_to_tensorflow():
    """check_grid calls the layer only where a window fits: a stand-in layer that fails otherwise proves it."""
    sizes_seen = []

    class StandIn:
        def __init__(self, kernel, stride, dilation, padding):
            self.count = lambda n: window_positions(n, kernel, stride, padding, dilation)

        def __call__(self, batch):
            n = batch.shape[1]
            assert self.count(n) > 0, f"input size {n} was handed to the layer, though no window fits"
            sizes_seen.append(n)
            return np.zeros((1, self.count(n)))

    compared, refused = check_grid(StandIn, [(7, 1, 1, "valid"), (3, 2, 1, "valid"), (3, 1, 3, "valid")])
    assert refused == 6 + 2 + 6 and compared == 3 * 32 - refused
    assert min(sizes_seen) == 3 and max(sizes_seen) == 32


def test_same_padding_reproduces_keras_same_with_explicit_zeros():
    rng = np.random.default_rng(0)
    image = rng.normal(size=(1, 9, 9, 1)).astype("float32")
    for kernel, stride in itertools.product((2, 3, 4, 5), (1, 2, 3)):
        same = keras.layers.Conv2D(1, kernel, strides=stride, padding="same")
        expected = same(image).numpy()
        before, after = same_padding(9, kernel, stride)
        padded = np.pad(image, ((0, 0), (before, after), (before, after), (0, 0)))
        valid = keras.layers.Conv2D(1, kernel, strides=stride, padding="valid")
        valid.build(padded.shape)
        valid.set_weights(same.get_weights())
        np.testing.assert_allclose(valid(padded).numpy(), expected, atol=1e-5)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((28, 3), 26),
        ((5, 3, 1, "same"), 5),
        ((5, 3, 1, 1), 5),
        ((7, 3, 2, (0, 1)), 3),
        ((32, 5), 28),
        ((28, 2, 2), 14),
        ((10, 3, 1, "valid", 2), 6),
    ],
)
def test_known_sizes(args, expected):
    assert conv_output_size(*args) == expected


def test_same_padding_puts_the_odd_zero_after():
    assert same_padding(5, 3) == (1, 1)
    assert same_padding(6, 2, 2) == (0, 0)
    assert same_padding(5, 4) == (1, 2)
    assert same_padding(7, 3, 2) == (1, 1)
    assert same_padding(6, 3, 2) == (0, 1)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n": 3, "kernel": 5}, r"kernel 5 is larger than the padded input \(3\)"),
        ({"n": 5, "kernel": 3, "dilation": 3}, r"kernel 3 \(dilated to 7\) is larger than the padded input \(5\)"),
        ({"n": 5, "kernel": 3, "stride": 0}, "stride must be a positive integer, not 0"),
        ({"n": 5, "kernel": 3, "dilation": -1}, "dilation must be a positive integer, not -1"),
        ({"n": 5, "kernel": 3.0}, r"kernel must be a positive integer, not 3.0"),
        ({"n": 5, "kernel": 3, "padding": "full"}, "unknown padding 'full'"),
        ({"n": 5, "kernel": 3, "padding": -1}, r"padding cannot be negative, got -1"),
        ({"n": 5, "kernel": 3, "padding": (1, 2, 3)}, r"unknown padding \(1, 2, 3\)"),
        ({"n": 5, "kernel": 3, "padding": (True, 0)}, r"unknown padding \(True, 0\)"),
        ({"n": 9, "kernel": 3, "stride": 2, "dilation": 2}, "not both at once"),
    ],
)
def test_impossible_settings_are_clear_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        conv_output_size(**kwargs)

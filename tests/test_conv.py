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


def keras_output_sizes(layer):
    """Output length for every input size in SIZES, or None where no output position fits.

    Keras refuses a kernel that overhangs the input by more than the stride, but returns an empty
    output when it overhangs by less; ours refuses both, so both count as None here.
    """
    sizes = {}
    for n in SIZES:
        try:
            sizes[n] = layer(np.zeros((1, n, n, 1), "float32")).shape[1] or None
        except Exception:  # Keras raises ValueError, TensorFlow InvalidArgumentError
            sizes[n] = None
    return sizes


def ours(n, kernel, stride, padding, dilation=1):
    try:
        return conv_output_size(n, kernel, stride, padding, dilation)
    except ValueError:
        return None


def test_conv2d_grid_matches_keras():
    checked = rejected = 0
    for kernel, stride, dilation, padding in itertools.product(KERNELS, STRIDES, DILATIONS, PADDINGS):
        try:
            layer = keras.layers.Conv2D(1, kernel, strides=stride, padding=padding, dilation_rate=dilation)
        except ValueError:
            with pytest.raises(ValueError, match="not both at once"):
                conv_output_size(8, kernel, stride, padding, dilation)
            rejected += 1
            continue
        for n, expected in keras_output_sizes(layer).items():
            assert ours(n, kernel, stride, padding, dilation) == expected, (n, kernel, stride, padding, dilation)
            checked += 1
            rejected += expected is None
    assert checked == 32 * 7 * 2 * (4 + 3 - 1)  # stride and dilation above 1 together are refused
    assert rejected > 100  # the grid does reach inputs Keras refuses


@pytest.mark.parametrize("pooling", ["MaxPooling2D", "AveragePooling2D"])
def test_pooling_grid_matches_keras(pooling):
    checked = 0
    for pool, stride, padding in itertools.product(KERNELS, STRIDES, PADDINGS):
        layer = getattr(keras.layers, pooling)(pool, strides=stride, padding=padding)
        for n, expected in keras_output_sizes(layer).items():
            assert ours(n, pool, stride, padding) == expected, (pooling, n, pool, stride, padding)
            checked += 1
    assert checked == 32 * 7 * 4 * 2


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

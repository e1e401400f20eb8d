"""Convolution and pooling arithmetic, and a plain 2-D cross-correlation, following Keras's conventions."""

from __future__ import annotations

import math

import numpy as np

from gencnn._validation import is_integer, require_positive_integer


def _check_window(n: int, kernel: int, stride: int, dilation: int) -> int:
    """Validate one axis's settings and return the dilated kernel's extent."""
    for name, value in (("input size", n), ("kernel", kernel), ("stride", stride), ("dilation", dilation)):
        require_positive_integer(name, value)
    if stride > 1 and dilation > 1:
        raise ValueError(
            f"stride={stride} with dilation={dilation}: Keras supports a stride above 1 or a dilation "
            "above 1, not both at once"
        )
    return dilation * (kernel - 1) + 1


def same_padding(n: int, kernel: int, stride: int = 1, dilation: int = 1) -> tuple[int, int]:
    """The zeros Keras's padding="same" adds (before, after) along one axis.

    The output has ceil(n / stride) positions; when the total padding is odd, TensorFlow puts the
    extra zero after (at the bottom or right).
    """
    effective = _check_window(n, kernel, stride, dilation)
    total = max((math.ceil(n / stride) - 1) * stride + effective - n, 0)
    return total // 2, total - total // 2


def conv_output_size(n: int, kernel: int, stride: int = 1, padding="valid", dilation: int = 1) -> int:
    """Length of a convolution's or pooling layer's output along one axis.

    padding is "valid" (no padding), "same" (Keras: ceil(n / stride) outputs), a number of zeros
    added on each side, or a (before, after) pair. With p zeros in all and the dilated kernel
    extent k' = dilation * (kernel - 1) + 1, the length is floor((n + p - k') / stride) + 1.
    """
    effective = _check_window(n, kernel, stride, dilation)
    if isinstance(padding, str) and padding == "same":
        return math.ceil(n / stride)
    before, after = _padding_pair(n, kernel, stride, padding, dilation)
    if before < 0 or after < 0:
        raise ValueError(f"padding cannot be negative, got {padding!r}")
    padded = n + before + after
    if effective > padded:
        dilated = f" (dilated to {effective})" if dilation > 1 else ""
        raise ValueError(
            f"kernel {kernel}{dilated} is larger than the padded input ({padded}); no output position fits"
        )
    return (padded - effective) // stride + 1


def _padding_pair(n: int, kernel: int, stride: int, padding, dilation: int) -> tuple[int, int]:
    if isinstance(padding, str) and padding == "same":
        return same_padding(n, kernel, stride, dilation)
    if isinstance(padding, str) and padding == "valid":
        return 0, 0
    if is_integer(padding):
        return padding, padding
    if isinstance(padding, tuple) and len(padding) == 2 and all(is_integer(p) for p in padding):
        return padding
    raise ValueError(f"unknown padding {padding!r}; use 'valid', 'same', a number of zeros or (before, after)")


def cross_correlate(image, kernel, stride: int = 1, padding="valid", dilation: int = 1) -> np.ndarray:
    """What one Conv2D filter computes on a one-channel image (no bias): a 2-D cross-correlation.

    Output pixel (i, j) is the sum of kernel * the window of the zero-padded image whose top-left
    corner is (i * stride, j * stride), the window's taps spaced dilation pixels apart.
    """
    image = np.asarray(image, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    if image.ndim != 2 or kernel.ndim != 2:
        raise ValueError(f"image and kernel must be 2-D arrays, got shapes {image.shape} and {kernel.shape}")
    pads = []
    for axis in (0, 1):
        rows = conv_output_size(image.shape[axis], kernel.shape[axis], stride, padding, dilation)
        pads.append(_padding_pair(image.shape[axis], kernel.shape[axis], stride, padding, dilation) + (rows,))
    (top, bottom, out_rows), (left, right, out_cols) = pads
    padded = np.pad(image, ((top, bottom), (left, right)))
    output = np.zeros((out_rows, out_cols))
    for di in range(kernel.shape[0]):
        for dj in range(kernel.shape[1]):
            window = padded[di * dilation::stride, dj * dilation::stride][:out_rows, :out_cols]
            output += kernel[di, dj] * window
    return output

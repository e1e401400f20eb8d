"""Dropout masks that the dropout visualizer's front end reproduces bit for bit.

Draw number k uses the uniform numbers of mulberry32 started from seed k (a 32-bit generator simple
enough to write identically in NumPy and JavaScript). A unit is dropped when its number is below the
rate, so raising the rate only ever drops more units; survivors are scaled by 1 / (1 - rate), which
keeps the layer's expected sum equal to its sum without dropout.
"""

from __future__ import annotations

import numpy as np

from gencnn._validation import is_integer

_MASK32 = np.uint64(0xFFFFFFFF)


def _u32(value):
    return value & _MASK32


def uniforms(seeds, size: int) -> np.ndarray:
    """size uniform numbers in [0, 1) for each seed (rows), from mulberry32."""
    state = _u32(np.atleast_1d(np.asarray(seeds, dtype=np.int64)).astype(np.uint64))
    out = np.empty((state.size, size))
    for i in range(size):
        state = _u32(state + np.uint64(0x6D2B79F5))
        t = _u32((state ^ (state >> np.uint64(15))) * (state | np.uint64(1)))
        t = _u32(t + _u32((t ^ (t >> np.uint64(7))) * (t | np.uint64(61)))) ^ t
        out[:, i] = (t ^ (t >> np.uint64(14))) / 4294967296.0
    return out


def check_rate(rate) -> float:
    """The rate as a float, or a ValueError unless 0 <= rate < 1."""
    if isinstance(rate, bool) or not isinstance(rate, (int, float, np.integer, np.floating)) or not 0 <= rate < 1:
        raise ValueError(f"dropout rate must be a number in [0, 1), not {rate!r}")
    return float(rate)


def keep_mask(size: int, rate: float, seed: int) -> np.ndarray:
    """Boolean mask of the units draw `seed` keeps at this rate."""
    if not is_integer(seed) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, not {seed!r}")
    return uniforms(seed, size)[0] >= check_rate(rate)


def dropout(activations, rate: float, seed: int) -> np.ndarray:
    """Training-time dropout of a layer's activations: dropped units are 0, survivors scaled by 1 / (1 - rate)."""
    activations = np.asarray(activations, dtype=np.float64)
    mask = keep_mask(activations.size, rate, seed).reshape(activations.shape)
    return np.where(mask, activations / (1 - rate), 0.0)


def sums_of_draws(activations, rate: float, draws: int) -> np.ndarray:
    """The layer's sum after dropout in draws 0, 1, ..., draws - 1."""
    activations = np.asarray(activations, dtype=np.float64).ravel()
    kept = uniforms(np.arange(draws), activations.size) >= check_rate(rate)
    return kept @ activations / (1 - rate)

"""Activation functions with their derivatives, and softmax with a temperature, in NumPy.

These are the reference the activation and softmax explorers' front ends are tested against, and they
follow Keras's definitions (leaky ReLU's default slope 0.2, ELU's alpha 1, GELU's tanh approximation).
"""

from __future__ import annotations

import numpy as np

_GELU_C = np.sqrt(2 / np.pi)


def _sigmoid(x):
    return 0.5 * (1 + np.tanh(0.5 * x))  # no overflow for large |x|


def _gelu(x):
    inner = _GELU_C * (x + 0.044715 * x**3)
    t = np.tanh(inner)
    value = 0.5 * x * (1 + t)
    derivative = 0.5 * (1 + t) + 0.5 * x * (1 - t**2) * _GELU_C * (1 + 3 * 0.044715 * x**2)
    return value, derivative


# name -> function returning (value, derivative) for an array x
ACTIVATIONS = {
    "sigmoid": lambda x: (_sigmoid(x), _sigmoid(x) * (1 - _sigmoid(x))),
    "tanh": lambda x: (np.tanh(x), 1 - np.tanh(x) ** 2),
    "relu": lambda x: (np.maximum(x, 0), (x > 0).astype(np.float64)),
    "leaky_relu": lambda x: (np.where(x > 0, x, 0.2 * x), np.where(x > 0, 1.0, 0.2)),
    "elu": lambda x: (np.where(x > 0, x, np.expm1(np.minimum(x, 0))), np.where(x > 0, 1.0, np.exp(np.minimum(x, 0)))),
    "softplus": lambda x: (np.logaddexp(0, x), _sigmoid(x)),
    "silu": lambda x: (x * _sigmoid(x), _sigmoid(x) * (1 + x * (1 - _sigmoid(x)))),
    "gelu": _gelu,
}


def activation(name: str, x) -> tuple[np.ndarray, np.ndarray]:
    """The named activation and its derivative at x (the derivative at a kink is the left one: ReLU'(0) = 0)."""
    if name not in ACTIVATIONS:
        raise ValueError(f"unknown activation {name!r}; choose one of {', '.join(ACTIVATIONS)}")
    x = np.asarray(x, dtype=np.float64)
    return ACTIVATIONS[name](x)


def softmax(logits, temperature: float = 1.0) -> np.ndarray:
    """exp(z / T) / sum(exp(z / T)), computed after subtracting the largest logit so it cannot overflow."""
    logits = np.asarray(logits, dtype=np.float64)
    if logits.ndim != 1 or logits.size == 0:
        raise ValueError(f"logits must be a non-empty 1-D list of numbers, got shape {logits.shape}")
    if not np.all(np.isfinite(logits)):
        raise ValueError(f"logits must be finite numbers, got {logits.tolist()}")
    if not (np.isfinite(temperature) and temperature > 0):
        raise ValueError(f"temperature must be a positive number, not {temperature!r}")
    scaled = logits / temperature
    exps = np.exp(scaled - scaled.max())
    return exps / exps.sum()


def cross_entropy(logits, target: int, temperature: float = 1.0) -> float:
    """-log softmax(logits / T)[target], from the log-sum-exp, so it stays finite when p[target] underflows."""
    probabilities = softmax(logits, temperature)  # validates the arguments
    if not 0 <= target < probabilities.size:
        raise ValueError(f"target must be a class index from 0 to {probabilities.size - 1}, not {target!r}")
    scaled = np.asarray(logits, dtype=np.float64) / temperature
    return float(scaled.max() + np.log(np.exp(scaled - scaled.max()).sum()) - scaled[target])

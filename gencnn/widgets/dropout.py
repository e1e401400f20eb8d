"""The dropout-mask visualizer: which units one draw drops, how survivors are rescaled, and what averages out."""

from __future__ import annotations

import numpy as np
import traitlets

from gencnn.dropout import check_rate, dropout, keep_mask, sums_of_draws
from gencnn.widgets.base import CourseWidget, WidgetValueError, front_end, require_between

MAX_DRAWS = 2000


def example_activations(rows: int = 8, cols: int = 8, seed: int = 0) -> np.ndarray:
    """Non-negative activations shaped like a ReLU layer's: about a third are exactly 0."""
    values = np.random.default_rng(seed).normal(0.3, 1.0, size=(rows, cols))
    return np.round(np.maximum(values, 0), 3)


class DropoutVisualizer(CourseWidget):
    """A layer of activations under dropout: rate slider, resample button, training/inference switch.

    DropoutVisualizer(activations=None, rate=0.5, training=True): activations is a 2-D array (a grid of
    units, at most 32 x 32; default: an 8 x 8 example). Draw k's mask comes from gencnn.dropout with seed
    k, so `mask`, `output` and `sums` here equal what the browser shows.
    """

    _esm = front_end("dropout")
    activations = traitlets.List().tag(sync=True)  # rows of the grid
    rate = traitlets.Float(0.5).tag(sync=True)
    draw = traitlets.Int(0).tag(sync=True)  # index of the current draw; draws 0..draw feed the running mean
    training = traitlets.Bool(True).tag(sync=True)
    max_draws = traitlets.Int(MAX_DRAWS).tag(sync=True)

    def __init__(self, activations=None, rate=0.5, training=True, **kwargs):
        activations = example_activations() if activations is None else activations
        array = np.asarray(activations, dtype=np.float64)
        if array.ndim == 1:
            array = array[None, :]
        if array.ndim != 2 or array.size == 0 or max(array.shape) > 32 or not np.all(np.isfinite(array)):
            raise WidgetValueError(
                f"activations must be a 1-D or 2-D array of finite numbers, at most 32 x 32, got shape {array.shape}"
            )
        super().__init__(activations=array.tolist(), rate=rate, training=training, **kwargs)

    @traitlets.validate("rate")
    def _valid_rate(self, proposal):
        try:
            return check_rate(proposal.value)
        except ValueError as err:
            raise WidgetValueError(str(err)) from None

    @traitlets.validate("draw")
    def _valid_draw(self, proposal):
        require_between("draw", proposal.value, 0, MAX_DRAWS - 1)
        return proposal.value

    def resample(self, times: int = 1) -> None:
        """Draw `times` new masks (as the Resample button does), up to the last allowed draw."""
        self.draw = min(self.draw + times, MAX_DRAWS - 1)

    @property
    def mask(self) -> np.ndarray:
        """True where the current draw keeps the unit (all True at inference)."""
        values = np.asarray(self.activations)
        if not self.training:
            return np.ones(values.shape, dtype=bool)
        return keep_mask(values.size, self.rate, self.draw).reshape(values.shape)

    @property
    def output(self) -> np.ndarray:
        values = np.asarray(self.activations)
        return dropout(values, self.rate, self.draw) if self.training else values

    @property
    def sums(self) -> np.ndarray:
        """The layer's sum after dropout in each draw so far (0..draw)."""
        return sums_of_draws(self.activations, self.rate, self.draw + 1)

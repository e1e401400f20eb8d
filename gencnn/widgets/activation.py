"""The activation-function explorer: a function and its derivative over a chosen range."""

from __future__ import annotations

import numpy as np
import traitlets

from gencnn.activations import ACTIVATIONS, activation
from gencnn.widgets.base import CourseWidget, WidgetValueError, front_end, require_between, require_choice

POINTS = 201


class ActivationExplorer(CourseWidget):
    """Pick an activation and a range; see f(x) and f'(x), and read both at a probe point.

    ActivationExplorer(function="sigmoid", half_width=6.0, probe=0.0): the plot spans
    [-half_width, half_width] (0.5 to 20) in 201 points; `values` and `derivatives` are those
    points from gencnn.activations, the same numbers the browser plots.
    """

    _esm = front_end("activation")
    functions = traitlets.List(list(ACTIVATIONS)).tag(sync=True)
    function = traitlets.Unicode("sigmoid").tag(sync=True)
    half_width = traitlets.Float(6.0).tag(sync=True)
    probe = traitlets.Float(0.0).tag(sync=True)
    points = traitlets.Int(POINTS).tag(sync=True)

    def __init__(self, function="sigmoid", half_width=6.0, probe=0.0, **kwargs):
        super().__init__(function=function, half_width=half_width, probe=probe, **kwargs)

    @traitlets.validate("function")
    def _valid_function(self, proposal):
        require_choice("activation", proposal.value, list(ACTIVATIONS))
        return proposal.value

    @traitlets.validate("half_width")
    def _valid_half_width(self, proposal):
        require_between("half_width", proposal.value, 0.5, 20)
        return proposal.value

    @traitlets.validate("probe")
    def _valid_probe(self, proposal):
        if not abs(proposal.value) <= self.half_width:
            raise WidgetValueError(
                f"probe must lie in the plotted range [-{self.half_width}, {self.half_width}], not {proposal.value!r}"
            )
        return proposal.value

    @property
    def xs(self) -> np.ndarray:
        return np.linspace(-self.half_width, self.half_width, POINTS)

    @property
    def values(self) -> np.ndarray:
        return activation(self.function, self.xs)[0]

    @property
    def derivatives(self) -> np.ndarray:
        return activation(self.function, self.xs)[1]

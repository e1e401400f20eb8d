"""The softmax explorer: logits and a temperature in, probabilities and the cross-entropy out."""

from __future__ import annotations

import numpy as np
import traitlets

from gencnn.activations import cross_entropy, softmax
from gencnn.widgets.base import CourseWidget, WidgetValueError, front_end, require_between


class SoftmaxExplorer(CourseWidget):
    """Move each class's logit and the temperature; see the probabilities and the loss for the true class.

    SoftmaxExplorer(logits=(2.0, 1.0, 0.1, -1.0), labels=None, temperature=1.0, target=0): logits lie in
    [-10, 10], the temperature in [0.05, 20]; `probabilities` and `loss` are computed by
    gencnn.activations.softmax, the numbers the browser shows.
    """

    _esm = front_end("softmax")
    logits = traitlets.List().tag(sync=True)
    labels = traitlets.List().tag(sync=True)
    temperature = traitlets.Float(1.0).tag(sync=True)
    target = traitlets.Int(0).tag(sync=True)  # the true class

    def __init__(self, logits=(2.0, 1.0, 0.1, -1.0), labels=None, temperature=1.0, target=0, **kwargs):
        logits = [float(z) for z in logits]
        labels = [str(i) for i in range(len(logits))] if labels is None else [str(label) for label in labels]
        if len(labels) != len(logits):
            raise WidgetValueError(f"{len(labels)} labels for {len(logits)} logits; give one label per logit")
        super().__init__(logits=logits, labels=labels, temperature=temperature, target=target, **kwargs)

    @traitlets.validate("logits")
    def _valid_logits(self, proposal):
        logits = proposal.value
        if not 2 <= len(logits) <= 10 or not all(isinstance(z, (int, float)) and -10 <= z <= 10 for z in logits):
            raise WidgetValueError(f"logits must be 2 to 10 numbers in [-10, 10], not {logits!r}")
        return [float(z) for z in logits]

    @traitlets.validate("temperature")
    def _valid_temperature(self, proposal):
        require_between("temperature", proposal.value, 0.05, 20)
        return proposal.value

    @traitlets.validate("target")
    def _valid_target(self, proposal):
        if not 0 <= proposal.value < len(self.logits):
            last = len(self.logits) - 1
            raise WidgetValueError(f"target must be a class index from 0 to {last}, not {proposal.value!r}")
        return proposal.value

    @property
    def probabilities(self) -> np.ndarray:
        return softmax(self.logits, self.temperature)

    @property
    def loss(self) -> float:
        """Cross-entropy of the true class, -log p[target]."""
        return cross_entropy(self.logits, self.target, self.temperature)

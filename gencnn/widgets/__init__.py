"""Interactive widgets of the course (anywidget). Their front ends compute what they show, so they stay
alive on the static book page; each has a NumPy reference in the helper package that it is tested against."""

from gencnn.widgets.activation import ActivationExplorer
from gencnn.widgets.base import WidgetValueError
from gencnn.widgets.convolution import ConvolutionExplorer
from gencnn.widgets.dropout import DropoutVisualizer
from gencnn.widgets.softmax import SoftmaxExplorer

__all__ = ["ActivationExplorer", "ConvolutionExplorer", "DropoutVisualizer", "SoftmaxExplorer", "WidgetValueError"]

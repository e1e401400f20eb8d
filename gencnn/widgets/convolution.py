"""The convolution explorer: an image, a kernel, stride/padding/dilation, and the feature map they give."""

from __future__ import annotations

import numpy as np
import traitlets

from gencnn._validation import is_integer
from gencnn.conv import conv_output_size, cross_correlate
from gencnn.widgets.base import CourseWidget, WidgetValueError, front_end, require_choice

PRESETS = {
    "identity": [[0, 0, 0], [0, 1, 0], [0, 0, 0]],
    "box blur": (np.ones((3, 3)) / 9).tolist(),
    "gaussian": (np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]]) / 16).tolist(),
    "sharpen": [[0, -1, 0], [-1, 5, -1], [0, -1, 0]],
    "sobel x": [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
    "sobel y": [[-1, -2, -1], [0, 0, 0], [1, 2, 1]],
    "laplacian": [[0, 1, 0], [1, -4, 1], [0, 1, 0]],
    "outline": [[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]],
}
PADDINGS = ("valid", "same")
LARGEST_IMAGE = 256


def synthetic_shapes(size: int = 28) -> dict[str, np.ndarray]:
    """A square, a cross, vertical stripes and a diagonal line, values in [0, 1]."""
    rows, cols = np.mgrid[:size, :size]
    quarter = size // 4
    return {
        "square": ((rows >= quarter) & (rows < size - quarter) & (cols >= quarter) & (cols < size - quarter)) * 1.0,
        "cross": ((abs(rows - size // 2) < 2) | (abs(cols - size // 2) < 2)) * 1.0,
        "stripes": ((cols // 3) % 2) * 1.0,
        "diagonal": (abs(rows - cols) < 2) * 1.0,
    }


def default_images() -> dict[str, np.ndarray]:
    """One real MNIST test digit each of 0, 2, 4, 7 and 9 (the embedded data), then the synthetic shapes."""
    from gencnn.data import load_mnist

    images, labels = load_mnist(source="embedded")
    digits = {f"digit {d}": images[np.argmax(labels == d)] / 255 for d in (0, 2, 4, 7, 9)}
    return digits | synthetic_shapes()


def _image_state(name: str, image) -> dict:
    array = np.asarray(image, dtype=np.float64)
    if array.ndim != 2 or not 1 <= min(array.shape) or max(array.shape) > LARGEST_IMAGE:
        raise WidgetValueError(
            f"image {name!r} must be a 2-D array of 1 to {LARGEST_IMAGE} pixels a side, got shape {array.shape}"
        )
    if not np.all(np.isfinite(array)):
        raise WidgetValueError(f"image {name!r} contains values that are not finite numbers")
    # Four decimals keep the embedded page small; the browser and NumPy both read these rounded values.
    return {"rows": array.shape[0], "cols": array.shape[1], "pixels": np.round(array, 4).ravel().tolist()}


def preset_name(kernel: list) -> str:
    """The preset this kernel equals, or "custom"."""
    return next((name for name, k in PRESETS.items() if k == kernel), "custom")


def _kernel_array(kernel) -> np.ndarray:
    try:
        array = np.asarray(kernel, dtype=np.float64)
    except (TypeError, ValueError):
        raise WidgetValueError(f"kernel must be a rectangular 2-D list of numbers, not {kernel!r}") from None
    if array.ndim != 2 or array.size == 0 or not np.all(np.isfinite(array)):
        raise WidgetValueError(f"kernel must be a non-empty 2-D list of finite numbers, not {kernel!r}")
    return array


class ConvolutionExplorer(CourseWidget):
    """Slide a kernel over an image and watch the feature map and the output-size arithmetic change.

    ConvolutionExplorer(images=None, image=None, preset="sobel x", kernel=None, stride=1, padding="valid",
    dilation=1): images maps names to 2-D arrays (default: MNIST digits and synthetic shapes); kernel, if
    given, overrides the preset. The feature map is computed in the browser; `feature_map` gives the
    same numbers from NumPy (gencnn.conv.cross_correlate).
    """

    _esm = front_end("convolution")
    images = traitlets.Dict().tag(sync=True)
    presets = traitlets.Dict(PRESETS).tag(sync=True)
    image = traitlets.Unicode().tag(sync=True)
    preset = traitlets.Unicode("sobel x").tag(sync=True)
    kernel = traitlets.List(PRESETS["sobel x"]).tag(sync=True)
    stride = traitlets.Int(1).tag(sync=True)
    padding = traitlets.Unicode("valid").tag(sync=True)
    dilation = traitlets.Int(1).tag(sync=True)
    selected = traitlets.List([0, 0]).tag(sync=True)  # the output pixel whose dot product is shown

    def __init__(self, images=None, image=None, preset="sobel x", kernel=None, stride=1, padding="valid",
                 dilation=1, **kwargs):
        images = default_images() if images is None else images
        if not isinstance(images, dict) or not images:
            raise WidgetValueError(f"images must be a non-empty dict of name -> 2-D array, not {type(images).__name__}")
        require_choice("kernel preset", preset, list(PRESETS))
        if kernel is None:
            kernel = PRESETS[preset]
        else:
            preset = preset_name(_kernel_array(kernel).tolist())
        state = {str(name): _image_state(str(name), array) for name, array in images.items()}
        super().__init__(images=state, image=next(iter(state)) if image is None else image, preset=preset,
                         kernel=kernel, stride=stride, padding=padding, dilation=dilation, **kwargs)
        if "selected" not in kwargs:  # open on the strongest response (a stroke's edge), not a blank corner
            self.selected = [int(i) for i in np.unravel_index(np.argmax(np.abs(self.feature_map)),
                                                               self.feature_map.shape)]

    # --- checks: every setting, alone and with the others, must give a layer Keras could build ----------
    def _check_geometry(self, **proposed):
        settings = {name: getattr(self, name) for name in ("image", "kernel", "stride", "padding", "dilation")}
        settings.update(proposed)
        if settings["image"] not in self.images:  # reported by _valid_image
            return
        image = self.images[settings["image"]]
        kernel = _kernel_array(settings["kernel"])
        try:
            for n, k in ((image["rows"], kernel.shape[0]), (image["cols"], kernel.shape[1])):
                conv_output_size(n, k, settings["stride"], settings["padding"], settings["dilation"])
        except ValueError as err:
            raise WidgetValueError(f"on image {settings['image']!r}: {err}") from None

    @traitlets.validate("image")
    def _valid_image(self, proposal):
        require_choice("image", proposal.value, list(self.images))
        self._check_geometry(image=proposal.value)
        return proposal.value

    @traitlets.validate("preset")
    def _valid_preset(self, proposal):
        require_choice("kernel preset", proposal.value, [*PRESETS, "custom"])
        return proposal.value

    @traitlets.validate("kernel")
    def _valid_kernel(self, proposal):
        kernel = _kernel_array(proposal.value).tolist()
        self._check_geometry(kernel=kernel)
        return kernel

    @traitlets.validate("stride", "dilation")
    def _valid_step(self, proposal):
        name, value = proposal.trait.name, proposal.value
        if not is_integer(value) or value < 1:
            raise WidgetValueError(f"{name} must be a positive integer, not {value!r}")
        self._check_geometry(**{name: value})
        return value

    @traitlets.validate("padding")
    def _valid_padding(self, proposal):
        require_choice("padding", proposal.value, PADDINGS)
        self._check_geometry(padding=proposal.value)
        return proposal.value

    # --- a preset names a kernel; editing the kernel makes it "custom" unless it equals a preset ---------
    @traitlets.observe("preset")
    def _load_preset(self, change):
        if change.new != "custom" and self.kernel != PRESETS[change.new]:
            self.kernel = PRESETS[change.new]

    @traitlets.observe("kernel")
    def _name_kernel(self, change):
        self.preset = preset_name(change.new)

    # --- what the front end shows, from NumPy ---------------------------------------------------------
    @property
    def input(self) -> np.ndarray:
        image = self.images[self.image]
        return np.array(image["pixels"]).reshape(image["rows"], image["cols"])

    @property
    def feature_map(self) -> np.ndarray:
        return cross_correlate(self.input, self.kernel, self.stride, self.padding, self.dilation)

    @property
    def selected_pixel(self) -> tuple[int, int]:
        """The selected output pixel, moved inside the feature map if a new setting shrank it."""
        image, kernel = self.images[self.image], _kernel_array(self.kernel)
        rows, cols = (conv_output_size(n, k, self.stride, self.padding, self.dilation)
                      for n, k in ((image["rows"], kernel.shape[0]), (image["cols"], kernel.shape[1])))
        return min(self.selected[0], rows - 1), min(self.selected[1], cols - 1)

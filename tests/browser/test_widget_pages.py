"""The widgets on the built pages, with no kernel: they render, react to their controls, and show
exactly what the NumPy references in the helper package compute."""

import json

import numpy as np
import pytest

from gencnn.activations import activation, cross_entropy, softmax
from gencnn.dropout import dropout, keep_mask, sums_of_draws
from gencnn.widgets import ConvolutionExplorer

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def embedded_state(page, trait):
    """The state of the page's one widget model that has `trait`, from the widget state myst-nb embedded."""
    text = page.eval_on_selector('script[type="application/vnd.jupyter.widget-state+json"]', "e => e.textContent")
    models = [m["state"] for m in json.loads(text)["state"].values() if trait in m["state"]]
    assert len(models) == 1, f"expected one widget with {trait!r} on the page, found {len(models)}"
    return models[0]


def shown(page, selector):
    """What the widget's front end computed last (it exposes its numbers on its root element)."""
    page.wait_for_function(f"document.querySelector('{selector}')?.gencnn !== undefined", timeout=30_000)
    return page.eval_on_selector(selector, """e => JSON.parse(JSON.stringify(e.gencnn,
        (k, v) => ArrayBuffer.isView(v) ? Array.from(v) : v))""")


def as_displayed(x: float, digits: int) -> str:
    """A number as the widgets' fmt() writes it: rounded to `digits` decimals, no trailing zeros, a true minus."""
    return f"{x:.{digits}f}".rstrip("0").rstrip(".").replace("-", "\u2212")


def test_convolution_explorer_follows_its_controls(visit):
    page_visit = visit("book/07_convolutional_networks.html")
    page = page_visit.page
    state = embedded_state(page, "kernel")
    images = {name: np.reshape(s["pixels"], (s["rows"], s["cols"])) for name, s in state["images"].items()}
    reference = ConvolutionExplorer(images=images, image=state["image"], preset=state["preset"])
    root = ".gencnn-conv"

    def agrees():
        numbers = shown(page, root)
        expected = reference.feature_map
        assert (numbers["rows"], numbers["cols"]) == expected.shape
        np.testing.assert_allclose(np.reshape(numbers["output"], expected.shape), expected, rtol=0, atol=1e-9)
        return numbers

    before = agrees()
    assert before["rows"] == 26  # 28x28 digit, 3x3 kernel, valid padding
    # it opens on the strongest response, on a stroke, and draws input and map at one pixel scale
    assert tuple(before["selected"]) == reference.selected_pixel and before["value"] != 0
    assert np.abs(before["value"]) == np.abs(reference.feature_map).max()
    widths = [page.locator(f"{root} canvas").nth(i).evaluate("c => c.width") for i in range(2)]
    assert widths[0] / 28 == widths[1] / 26, widths
    dot = page.inner_text(f"{root} .gencnn-dot")
    assert dot.endswith(f"= {as_displayed(before['value'], 4)}"), dot

    page.get_by_label("Stride", exact=True).press("ArrowRight")
    reference.stride = 2
    after = agrees()
    assert after["rows"] == 13 and after["output"] != before["output"]
    formula = page.inner_text(f"{root} .gencnn-formula")
    assert "\u230a(28 + 0 + 0 \u2212 1\u00b72 \u2212 1) / 2\u230b + 1 = 13" in formula

    page.get_by_label("Padding", exact=True).select_option("same")
    reference.padding = "same"
    assert agrees()["rows"] == 14

    page.get_by_label("Kernel", exact=True).select_option("laplacian")
    reference.preset = "laplacian"
    agrees()

    page.get_by_label("kernel row 1 column 1").fill("0.05")  # typed into the kernel's grid
    reference.kernel = [[0.05, 1, 0], [1, -4, 1], [0, 1, 0]]
    agrees()
    assert page.get_by_label("Kernel", exact=True).input_value() == "custom"

    # Dilation above 1 with stride 2 is refused with a message, and nothing changes.
    page.get_by_label("Dilation", exact=True).press("ArrowRight")
    assert "not both" in page.inner_text(f"{root} .gencnn-message")
    agrees()

    # Hovering an output pixel selects it and shows its dot product.
    canvas = page.locator(f"{root} canvas.gencnn-pointer")
    box = canvas.bounding_box()
    rows, cols = reference.feature_map.shape
    canvas.hover(position={"x": (5.5 / cols) * box["width"], "y": (3.5 / rows) * box["height"]})
    numbers = shown(page, root)
    assert numbers["selected"] == [3, 5]
    assert numbers["value"] == pytest.approx(reference.feature_map[3, 5], abs=1e-9)
    assert "out[3, 5] = " in page.inner_text(f"{root} .gencnn-dot")
    assert page_visit.problems() == []


def test_dropout_visualizer_draws_the_reference_masks(visit):
    page_visit = visit("book/05_regularization.html")
    page = page_visit.page
    activations = np.array(embedded_state(page, "activations")["activations"])
    root = ".gencnn-dropout"

    def agrees(rate, draw):
        numbers = shown(page, root)
        assert (numbers["rate"], numbers["draw"]) == (pytest.approx(rate), draw)
        np.testing.assert_array_equal(np.reshape(numbers["keep"], activations.shape).astype(bool),
                                      keep_mask(activations.size, rate, draw).reshape(activations.shape))
        np.testing.assert_allclose(np.reshape(numbers["output"], activations.shape),
                                   dropout(activations, rate, draw), rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(numbers["sums"], sums_of_draws(activations, rate, draw + 1), rtol=1e-12)
        return numbers

    first = agrees(0.5, 0)
    page.get_by_role("button", name="Resample", exact=True).click()
    second = agrees(0.5, 1)
    assert first["keep"] != second["keep"]
    page.get_by_label("Dropout rate").press("ArrowRight")
    agrees(0.55, 1)
    page.get_by_role("button", name="Resample \u00d7100").click()
    many = agrees(0.55, 101)
    assert len(many["runningMean"]) == 102
    page.get_by_label("Mode", exact=True).select_option("inference")
    numbers = shown(page, root)
    assert numbers["training"] is False and all(numbers["keep"])
    np.testing.assert_allclose(numbers["output"], activations.ravel())
    assert page_visit.problems() == []


def test_activation_explorer_plots_the_reference_functions(visit):
    page_visit = visit("book/03_activation_functions.html")
    page = page_visit.page
    root = ".gencnn-activation"
    for name in ("sigmoid", "gelu", "elu", "softplus"):
        if name != "sigmoid":
            page.get_by_label("Function").select_option(name)
        numbers = shown(page, root)
        assert numbers["name"] == name
        values, derivatives = activation(name, numbers["xs"])
        np.testing.assert_allclose(numbers["values"], values, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(numbers["derivatives"], derivatives, rtol=1e-12, atol=1e-12)
    page.get_by_label("Probe x").press("ArrowRight")
    x0, fx, dfx = shown(page, root)["probe"]
    assert x0 == pytest.approx(0.05)
    assert (fx, dfx) == pytest.approx(tuple(float(v) for v in activation("softplus", x0)), abs=1e-12)
    page.get_by_label("Function").select_option("relu")
    charts = page.locator(f"{root} svg.gencnn-chart")
    assert charts.count() == 2, "f and f' each get their own panel"
    assert [charts.nth(i).locator("polyline").count() for i in range(2)] == [1, 1]
    # the derivative's own axis runs from 0 to 1 for ReLU, so the 1 is drawn at the top, not squashed near 0
    ticks = charts.nth(1).locator("text.gencnn-tick").all_text_contents()
    assert "0" in ticks and "1" in ticks, ticks
    text = page.locator(f"{root} .gencnn-readout").text_content()
    assert text.startswith(f"relu({as_displayed(x0, 2)}) = {as_displayed(max(x0, 0), 4)},"), text
    assert page_visit.problems() == []


def test_softmax_explorer_matches_the_reference(visit):
    page_visit = visit("book/02_softmax_cross_entropy.html")
    page = page_visit.page
    root = ".gencnn-softmax"
    temperature_text = page.locator(f"{root} .gencnn-controls output").first
    readout = page.locator(f"{root} .gencnn-readout")
    before = shown(page, root)
    assert temperature_text.text_content() == as_displayed(before["temperature"], 2) == "1"
    for _ in range(30):
        page.get_by_label("Temperature T").press("ArrowLeft")
    page.get_by_label("True class").select_option(index=2)
    numbers = shown(page, root)
    assert numbers["temperature"] == pytest.approx(10**-0.3, rel=1e-5)  # 30 steps of 0.01 down from log10 T = 0
    assert numbers["target"] == 2
    np.testing.assert_allclose(numbers["probabilities"], softmax(numbers["logits"], numbers["temperature"]), rtol=1e-12)
    assert numbers["loss"] == pytest.approx(cross_entropy(numbers["logits"], 2, numbers["temperature"]), rel=1e-12)
    assert max(numbers["probabilities"]) > max(before["probabilities"])  # a lower temperature sharpens
    assert temperature_text.text_content() == as_displayed(numbers["temperature"], 2) == "0.5"
    text = readout.text_content()
    label = page.get_by_label("True class").input_value()
    loss = as_displayed(numbers["loss"], 4)
    assert text.startswith(f"True class {label}: cross-entropy \u2212log p = {loss}. "), text
    assert text.endswith("T < 1 sharpens the distribution towards the largest logit."), text
    assert page_visit.problems() == []


WIDGET_PAGES = ["book/02_softmax_cross_entropy.html", "book/03_activation_functions.html",
                "book/05_regularization.html", "book/07_convolutional_networks.html"]


@pytest.mark.parametrize("path", WIDGET_PAGES)
def test_widget_text_reads_in_light_and_dark_mode(path, reader):
    """Every text a widget shows (readouts, formula, labels) keeps WCAG AA contrast in both of the theme's
    modes (axe-core's color-contrast rule, on the widgets only), and its readouts say the same in both."""
    from test_site import AXE

    page = reader(path, "desktop").page
    page.add_script_tag(path=str(AXE))
    readouts = ("() => [...document.querySelectorAll('.gencnn-readout, .gencnn-dot, .gencnn-formula')]"
                ".map((e) => e.innerText)")
    texts = {}
    for mode in ("light", "dark"):
        page.evaluate(f"() => {{ document.documentElement.dataset.theme = '{mode}';"
                      f" document.documentElement.dataset.mode = '{mode}'; }}")
        page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        results = page.evaluate("""() => axe.run({include: [['.gencnn-widget']]},
                                   {runOnly: ['color-contrast'], resultTypes: ['violations']})""")
        faint = [f"{node['target']}: {node['any'][0]['message'] if node['any'] else ''}"
                 for violation in results["violations"] for node in violation["nodes"]]
        assert not faint, f"{path} in {mode} mode (page background {background}): text too faint:\n" + "\n".join(faint)
        texts[mode] = page.evaluate(readouts)
    assert texts["light"] and texts["light"] == texts["dark"], texts

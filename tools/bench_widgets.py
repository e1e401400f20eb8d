"""Benchmark (not a test): how long one slider update of each widget takes in headless Chromium.

Each widget is embedded in a static page the way the book embeds it (the same widget scripts, from
_config.yml, served offline from node_modules). A slider is moved programmatically and the time from
the input event to the end of the update (the widget's recomputing and redrawing, plus the browser's
style and layout, forced) is measured; a frame passes between updates. Writes bench/widgets.md.
"""

from __future__ import annotations

import json
import platform
import tempfile
from datetime import date
from pathlib import Path

import browser
import numpy as np
import yaml
from ipywidgets.embed import embed_data
from playwright.sync_api import sync_playwright

from gencnn.widgets import ActivationExplorer, ConvolutionExplorer, DropoutVisualizer, SoftmaxExplorer
from gencnn.widgets.convolution import default_images
from gencnn.widgets.dropout import MAX_DRAWS

REPEATS = 200
ROOT = Path(__file__).resolve().parent.parent

MEASURE = """async ([selector, label, values, repeats]) => {
  const root = document.querySelector(selector);
  const input = root.querySelector(`input[aria-label="${label}"]`);
  const times = [];
  for (let i = 0; i < repeats; i++) {
    input.value = values[i % values.length];
    const start = performance.now();
    input.dispatchEvent(new Event("input", { bubbles: true }));
    void root.offsetHeight;  // finish style and layout inside the measurement
    times.push(performance.now() - start);
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  }
  return times;
}"""


def page_html(widget) -> str:
    scripts = yaml.safe_load((ROOT / "_config.yml").read_text())["sphinx"]["config"]["nb_ipywidgets_js"]
    tags = "\n".join(
        f"<script src=\"{url}\" {' '.join(f'{k}={json.dumps(v)}' for k, v in attrs.items())}></script>"
        for url, attrs in scripts.items()
    )
    data = embed_data(views=[widget], drop_defaults=False)  # the front end needs every trait, _esm included
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'>{tags}\n"
            f"<script type='application/vnd.jupyter.widget-state+json'>{json.dumps(data['manager_state'])}</script>"
            f"</head><body><script type='application/vnd.jupyter.widget-view+json'>"
            f"{json.dumps(data['view_specs'][0])}</script></body></html>")


def cases():
    digit = default_images()["digit 7"]
    enlarged = digit[np.ix_(np.arange(128) * 28 // 128, np.arange(128) * 28 // 128)]
    small = ConvolutionExplorer(image="digit 7")
    yield "convolution, 28x28 input, stride 1<->2", small, ".gencnn-conv", "Stride", [2, 1]
    yield ("convolution, 28x28 input, kernel entry", ConvolutionExplorer(image="digit 7"), ".gencnn-conv",
           "kernel row 2 column 2", [0.5, -0.5])
    big = ConvolutionExplorer(images={"digit 7 at 128x128": enlarged})
    yield "convolution, 128x128 input, stride 1<->2", big, ".gencnn-conv", "Stride", [2, 1]
    big = ConvolutionExplorer(images={"digit 7 at 128x128": enlarged}, padding="same")
    yield "convolution, 128x128 input, kernel entry", big, ".gencnn-conv", "kernel row 2 column 2", [0.5, -0.5]
    yield "dropout, 8x8 units, rate, 1 draw", DropoutVisualizer(), ".gencnn-dropout", "Dropout rate", [0.3, 0.6]
    many = DropoutVisualizer(draw=MAX_DRAWS - 1)
    yield f"dropout, 8x8 units, rate, {MAX_DRAWS} draws", many, ".gencnn-dropout", "Dropout rate", [0.3, 0.6]
    yield "activation, probe", ActivationExplorer(function="gelu"), ".gencnn-activation", "Probe x", [1.0, -1.0]
    yield "softmax, temperature", SoftmaxExplorer(), ".gencnn-softmax", "Temperature T", [0.5, -0.5]


def main() -> None:
    rows = ["| widget, slider | median ms | 95th percentile ms | max ms |", "| --- | ---: | ---: | ---: |"]
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        chromium = browser.launch(playwright)
        pages = []
        for k, (label, widget, selector, slider, values) in enumerate(cases()):
            (Path(folder) / f"case{k}.html").write_text(page_html(widget))
            (Path(folder) / "index.html").write_text("benchmark pages")
            pages.append((k, label, selector, slider, values))
        with browser.Server(Path(folder)) as server:
            for k, label, selector, slider, values in pages:
                visit = browser.open_page(chromium.new_context(), server.url)
                visit.page.goto(f"{server.url}case{k}.html")
                visit.page.wait_for_function(f"document.querySelector('{selector}')?.gencnn !== undefined",
                                             timeout=30_000)
                times = np.array(visit.page.evaluate(MEASURE, [selector, slider, values, REPEATS]))
                assert not visit.problems(), visit.problems()
                p50, p95, worst = np.percentile(times, 50), np.percentile(times, 95), times.max()
                print(f"{label}: median {p50:.2f} ms, p95 {p95:.2f} ms, max {worst:.2f} ms", flush=True)
                rows.append(f"| {label} | {p50:.2f} | {p95:.2f} | {worst:.2f} |")
        chromium.close()
    machine = f"{platform.machine()}, {platform.processor() or 'cpu'}, Chromium {chromium.version}, headless"
    text = (f"# Widget slider latency ({date.today()}, {machine})\n\n"
            f"{REPEATS} updates each: input event to the end of the widget's redraw and the page's layout.\n\n"
            + "\n".join(rows) + "\n")
    (ROOT / "bench").mkdir(exist_ok=True)
    (ROOT / "bench" / "widgets.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()

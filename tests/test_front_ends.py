"""The widgets' JavaScript arithmetic, run in Node.js, against the NumPy references it mirrors.

The browser tests check the same on the built pages through the controls; these cover many more
settings in a second.
"""

import json
import shutil
import subprocess

import numpy as np
import pytest

from gencnn.activations import ACTIVATIONS, activation, cross_entropy, softmax
from gencnn.conv import cross_correlate
from gencnn.dropout import uniforms
from gencnn.widgets.base import front_end

NODE = shutil.which("node")


def run_front_end(name, tmp_path, driver, data):
    """Run widget `name`'s module followed by `driver` (which reads DATA) in Node; return what it prints."""
    assert NODE, "Node.js is needed (Debian's nodejs package); it also installs the browser tests' npm packages"
    script = tmp_path / f"{name}.mjs"
    script.write_text(f"{front_end(name)}\nconst DATA = {json.dumps(data)};\n{driver}\n")
    result = subprocess.run([NODE, str(script)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_cross_correlation_agrees_over_many_settings(tmp_path):
    rng = np.random.default_rng(0)
    cases = []
    for rows, cols in [(28, 28), (7, 9), (5, 5), (12, 3)]:
        image = np.round(rng.random((rows, cols)), 4)
        for k in (1, 2, 3, 5):
            kernel = np.round(rng.normal(size=(k, k)), 2)
            for stride, dilation in [(1, 1), (2, 1), (3, 1), (1, 2), (1, 3)]:
                for padding in ("valid", "same"):
                    if dilation * (k - 1) + 1 <= min(rows, cols) or padding == "same":
                        cases.append({"image": {"rows": rows, "cols": cols, "pixels": image.ravel().tolist()},
                                      "kernel": kernel.tolist(), "stride": stride, "dilation": dilation,
                                      "padding": padding})
    driver = "console.log(JSON.stringify(DATA.map((s) => Array.from(crossCorrelate(s).output))));"
    outputs = run_front_end("convolution", tmp_path, driver, cases)
    assert len(outputs) == len(cases) > 100
    for case, output in zip(cases, outputs):
        image = np.reshape(case["image"]["pixels"], (case["image"]["rows"], case["image"]["cols"]))
        expected = cross_correlate(image, case["kernel"], case["stride"], case["padding"], case["dilation"])
        np.testing.assert_allclose(np.reshape(output, expected.shape), expected, rtol=0, atol=1e-12, err_msg=str(case))


def test_javascript_refuses_what_keras_refuses(tmp_path):
    image = {"rows": 4, "cols": 4, "pixels": [0] * 16}
    cases = [{"image": image, "kernel": [[1] * 3] * 3, "stride": 1, "dilation": 2, "padding": "valid"},
             {"image": image, "kernel": [[1] * 3] * 3, "stride": 2, "dilation": 2, "padding": "same"},
             {"image": image, "kernel": [[1] * 3] * 3, "stride": 1, "dilation": 1, "padding": "valid"}]
    messages = run_front_end("convolution", tmp_path, "console.log(JSON.stringify(DATA.map(problem)));", cases)
    assert "no output position fits" in messages[0]
    assert "not both" in messages[1]
    assert messages[2] is None


def test_dropout_generator_is_the_same_in_both(tmp_path):
    seeds = [0, 1, 2, 999, 2**31 - 1]
    driver = "console.log(JSON.stringify(DATA.map((s) => { const r = mulberry32(s); return [r(), r(), r(), r()]; })));"
    np.testing.assert_array_equal(run_front_end("dropout", tmp_path, driver, seeds), uniforms(seeds, 4))


def test_activations_agree(tmp_path):
    xs = np.linspace(-30, 30, 601).tolist()
    driver = ("console.log(JSON.stringify(Object.fromEntries(Object.entries(ACTIVATIONS)"
              ".map(([n, f]) => [n, DATA.map(f)]))));")
    results = run_front_end("activation", tmp_path, driver, xs)
    assert sorted(results) == sorted(ACTIVATIONS)
    for name, pairs in results.items():
        np.testing.assert_allclose(np.array(pairs).T, activation(name, xs), rtol=1e-12, atol=1e-14, err_msg=name)


def test_softmax_agrees_including_extreme_logits(tmp_path):
    cases = [([2.0, 1.0, 0.1, -1.0], 1.0), ([10, -10, 0], 0.05), ([1000.0, 999.0], 1.0), ([3, 3, 3], 20.0)]
    driver = ("console.log(JSON.stringify(DATA.map(([z, t]) => { const s = softmax(z, t);"
              " return [s.probabilities, s.logSum - s.scaled[1]]; })));")
    for (logits, temperature), (probabilities, loss) in zip(cases, run_front_end("softmax", tmp_path, driver, cases)):
        np.testing.assert_allclose(probabilities, softmax(logits, temperature), rtol=1e-12, atol=1e-300)
        assert loss == pytest.approx(cross_entropy(logits, 1, temperature), rel=1e-12)

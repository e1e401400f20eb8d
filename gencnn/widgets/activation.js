// Activation-function explorer; the formulas mirror gencnn.activations (Keras's definitions).

const SQRT_2_PI = Math.sqrt(2 / Math.PI);
const sigmoid = (x) => 0.5 * (1 + Math.tanh(0.5 * x));
const ACTIVATIONS = {
  sigmoid: (x) => [sigmoid(x), sigmoid(x) * (1 - sigmoid(x))],
  tanh: (x) => [Math.tanh(x), 1 - Math.tanh(x) ** 2],
  relu: (x) => [Math.max(x, 0), x > 0 ? 1 : 0],
  leaky_relu: (x) => [x > 0 ? x : 0.2 * x, x > 0 ? 1 : 0.2],
  elu: (x) => [x > 0 ? x : Math.expm1(x), x > 0 ? 1 : Math.exp(x)],
  softplus: (x) => [Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))), sigmoid(x)],
  silu: (x) => [x * sigmoid(x), sigmoid(x) * (1 + x * (1 - sigmoid(x)))],
  gelu: (x) => {
    const t = Math.tanh(SQRT_2_PI * (x + 0.044715 * x ** 3));
    return [0.5 * x * (1 + t), 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_PI * (1 + 3 * 0.044715 * x * x)];
  },
};

function render({ model, el: host }) {
  const root = widgetRoot(host, "gencnn-activation");
  const fn = select("Function", model.get("functions"), model.get("function"));
  const width = slider("Range \u00b1", { min: 0.5, max: 20, step: 0.5, value: model.get("half_width") });
  const probe = slider("Probe x", { min: -20, max: 20, step: 0.05, value: model.get("probe"), format: (v) => fmt(v, 2) });
  const readout = el("p", { class: "gencnn-readout", role: "status" });
  // f and f' get a panel each: on one axis a derivative of 1 next to ReLU's values up to 20 looks like 0.
  const chart = lineChart({ xLabel: "x", yLabel: "f(x)" });
  const slope = lineChart({ xLabel: "x", yLabel: "f\u2032(x)" });
  root.append(el("div", { class: "gencnn-controls" }, [fn.row, width.row, probe.row]),
    el("div", { class: "gencnn-panels" }, [chart.el, slope.el]), readout);

  function draw() {
    const name = model.get("function");
    const w = model.get("half_width");
    const x0 = model.get("probe");
    const n = model.get("points");
    fn.input.value = name;
    width.set(w);
    probe.input.min = -w;
    probe.input.max = w;
    probe.set(x0);
    const xs = Array.from({ length: n }, (_, i) => -w + (2 * w * i) / (n - 1));
    const pairs = xs.map(ACTIVATIONS[name]);
    const values = pairs.map((p) => p[0]);
    const derivatives = pairs.map((p) => p[1]);
    const [fx, dfx] = ACTIVATIONS[name](x0);
    chart.update([{ xs, ys: values }], [{ x: x0, y: fx }]);
    slope.update([{ xs, ys: derivatives, class: "gencnn-second" }], [{ x: x0, y: dfx, class: "gencnn-second" }]);
    chart.el.setAttribute("aria-label", `${name} from ${-w} to ${w}`);
    slope.el.setAttribute("aria-label", `the derivative of ${name} from ${-w} to ${w}`);
    const flat = derivatives.filter((d) => Math.abs(d) < 0.01).length;
    const note = name === "leaky_relu" ? "  (Keras's default slope, 0.2, below 0; the book's text uses 0.01.)" : "";
    readout.textContent = `${name}(${fmt(x0, 2)}) = ${fmt(fx, 4)},  ${name}\u2032(${fmt(x0, 2)}) = ${fmt(dfx, 4)}.${note}  ` +
      `The derivative is below 0.01 in ${Math.round((100 * flat) / n)}% of this range: gradients through those inputs almost vanish.`;
    root.gencnn = { name, xs, values, derivatives, probe: [x0, fx, dfx] };
  }

  fn.input.addEventListener("change", () => { model.set("function", fn.input.value); model.save_changes(); });
  width.input.addEventListener("input", () => {
    const w = width.value();
    model.set("half_width", w);
    if (Math.abs(model.get("probe")) > w) model.set("probe", Math.sign(model.get("probe")) * w);
    model.save_changes();
  });
  probe.input.addEventListener("input", () => { model.set("probe", probe.value()); model.save_changes(); });
  const traits = ["function", "half_width", "probe"];
  for (const name of traits) model.on(`change:${name}`, draw);
  draw();
  return () => { for (const name of traits) model.off(`change:${name}`, draw); };
}

export default { render };

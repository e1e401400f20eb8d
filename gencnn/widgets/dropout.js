// Dropout-mask visualizer. Draw k's mask comes from mulberry32(k), as in gencnn.dropout, so the
// browser and NumPy agree unit for unit.

function uniforms(size, draw) {
  const next = mulberry32(draw);
  return Float64Array.from({ length: size }, () => next());
}

function keepMask(size, rate, draw) {
  return Uint8Array.from(uniforms(size, draw), (u) => (u >= rate ? 1 : 0));
}

function render({ model, el: host }) {
  const root = widgetRoot(host, "gencnn-dropout");
  const rate = slider("Dropout rate", { min: 0, max: 0.95, step: 0.05, value: model.get("rate"), format: (v) => v.toFixed(2) });
  const once = button("Resample", "Draw a new random mask");
  const many = button("Resample \u00d7100", "Draw 100 new masks");
  const reset = button("Reset", "Start the running mean again from draw 0");
  const mode = select("Mode", ["training", "inference"], model.get("training") ? "training" : "inference");
  const grid = el("div", { class: "gencnn-units", role: "img" });
  const network = el("div");
  const summary = el("p", { class: "gencnn-readout", role: "status" });
  const chart = el("div");
  root.append(
    el("div", { class: "gencnn-controls" }, [rate.row, mode.row, once, many, reset]),
    el("div", { class: "gencnn-panels" }, [
      el("figure", {}, [grid, el("figcaption", { text: "Each square is a unit; \u2715 = dropped. Number: its output." })]),
      el("figure", {}, [network, el("figcaption", { text: "The first units of the layer in a small network; dashed = dropped" })]),
    ]),
    summary,
    el("figure", {}, [chart, el("figcaption", { text: "Running mean of the layer's sum over the draws so far, against its sum without dropout" })]),
  );

  // Each draw's uniform numbers do not depend on the rate, so they are drawn once and kept; moving the
  // rate then only re-compares them.
  let drawn = { size: 0, numbers: [] };
  function sums(values, p, upTo) {
    if (drawn.size !== values.length) drawn = { size: values.length, numbers: [] };
    for (let k = drawn.numbers.length; k <= upTo; k++) drawn.numbers.push(uniforms(values.length, k));
    const result = new Array(upTo + 1);
    for (let k = 0; k <= upTo; k++) {
      const u = drawn.numbers[k];
      let total = 0;
      for (let i = 0; i < values.length; i++) if (u[i] >= p) total += values[i];
      result[k] = total / (1 - p);
    }
    return result;
  }

  // One square per unit, made once per layer shape and updated in place.
  let units = [];
  function unitSquares(rows) {
    const size = rows.length * rows[0].length;
    if (units.length !== size) {
      grid.style.gridTemplateColumns = `repeat(${rows[0].length}, 1fr)`;
      units = Array.from({ length: size }, () => el("span"));
      grid.replaceChildren(...units);
    }
    return units;
  }

  function draw() {
    const rows = model.get("activations");
    const values = rows.flat();
    const p = model.get("rate");
    const k = model.get("draw");
    const training = model.get("training");
    rate.set(p);
    mode.input.value = training ? "training" : "inference";
    const keep = training ? keepMask(values.length, p, k) : new Uint8Array(values.length).fill(1);
    const scale = training ? 1 / (1 - p) : 1;
    const output = values.map((v, i) => (keep[i] ? v * scale : 0));
    const limit = Math.max(1e-9, ...output.map(Math.abs), ...values.map(Math.abs));

    unitSquares(rows).forEach((square, i) => {
      const v = output[i];
      const [r, g, b] = diverging(v, limit);
      square.className = keep[i] ? "gencnn-unit" : "gencnn-unit gencnn-dropped";
      square.style.cssText = keep[i] ? `background: rgb(${r},${g},${b}); color: ${v > 0.6 * limit ? "#fff" : "#111"}` : "";
      square.textContent = keep[i] ? fmt(v, 1) : "\u2715";
      square.title = `unit ${i}: activation ${fmt(values[i])}, ${keep[i] ? `kept, output ${fmt(v)}` : "dropped, output 0"}`;
    });
    const kept = keep.reduce((a, b) => a + b, 0);
    grid.setAttribute("aria-label", `${kept} of ${values.length} units kept`);
    network.replaceChildren(diagram(keep));

    const noDropout = values.reduce((a, b) => a + b, 0);
    const history = training ? sums(values, p, k) : [];
    const mean = history.length ? history.reduce((a, b) => a + b, 0) / history.length : noDropout;
    summary.textContent = training
      ? `Draw ${k + 1}: ${kept} of ${values.length} units kept, survivors \u00d7 1/(1 \u2212 ${p.toFixed(2)}) = \u00d7${fmt(scale)}. ` +
        `Sum this draw ${fmt(output.reduce((a, b) => a + b, 0))}; mean over ${history.length} draws ${fmt(mean)}; without dropout ${fmt(noDropout)}.`
      : `Inference: no unit is dropped and nothing is rescaled; the sum is ${fmt(noDropout)}.`;

    let running = 0;
    const means = history.map((s, i) => (running += s) / (i + 1));
    const every = Math.ceil(means.length / 400);  // plot at most about 400 points
    const xs = means.map((_, i) => i + 1).filter((_, i) => i % every === 0 || i === means.length - 1);
    const ys = xs.map((x) => means[x - 1]);
    chart.replaceChildren(lineChart([
      { xs: xs.length ? xs : [1], ys: ys.length ? ys : [noDropout], label: "running mean" },
      { xs: xs.length > 1 ? [1, xs.length] : [1, 2], ys: [noDropout, noDropout], class: "gencnn-target" },
    ], { xLabel: "draws", yLabel: "sum" }));

    root.gencnn = { keep: Array.from(keep), output, sums: history, runningMean: means, rate: p, draw: k, training };
  }

  // Four inputs, the first eight units of the layer, one output; a dropped unit's edges are dashed.
  function diagram(keep) {
    const shown = Math.min(8, keep.length);
    const svg = svgEl("svg", { viewBox: "0 0 220 190", width: 220, height: 190, class: "gencnn-chart", role: "img",
      "aria-label": `Network diagram: ${shown} units shown` });
    const y = (i, n) => 15 + (i + 0.5) * (160 / n);
    for (let u = 0; u < shown; u++) {
      const dashed = keep[u] ? {} : { "stroke-dasharray": "3 3", opacity: 0.4 };
      for (let i = 0; i < 4; i++) svg.append(svgEl("line", { x1: 25, y1: y(i, 4), x2: 110, y2: y(u, shown), class: "gencnn-axis", ...dashed }));
      svg.append(svgEl("line", { x1: 110, y1: y(u, shown), x2: 195, y2: 95, class: "gencnn-axis", ...dashed }));
    }
    for (let i = 0; i < 4; i++) svg.append(svgEl("circle", { cx: 25, cy: y(i, 4), r: 7, fill: "#56b4e9" }));
    for (let u = 0; u < shown; u++) {
      svg.append(svgEl("circle", { cx: 110, cy: y(u, shown), r: 8, fill: keep[u] ? "#e69f00" : "#fff", stroke: "#555" }));
    }
    svg.append(svgEl("circle", { cx: 195, cy: 95, r: 8, fill: "#009e73" }));
    return svg;
  }

  const advance = (times) => {
    model.set("training", true);
    model.set("draw", Math.min(model.get("draw") + times, model.get("max_draws") - 1));
    model.save_changes();
  };
  rate.input.addEventListener("input", () => { model.set("rate", rate.value()); model.save_changes(); });
  once.addEventListener("click", () => advance(1));
  many.addEventListener("click", () => advance(100));
  reset.addEventListener("click", () => { model.set("draw", 0); model.save_changes(); });
  mode.input.addEventListener("change", () => { model.set("training", mode.input.value === "training"); model.save_changes(); });
  const traits = ["activations", "rate", "draw", "training"];
  for (const name of traits) model.on(`change:${name}`, draw);
  draw();
  return () => { for (const name of traits) model.off(`change:${name}`, draw); };
}

export default { render };

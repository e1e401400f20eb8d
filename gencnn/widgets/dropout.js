// Dropout-mask visualizer. Draw k's mask comes from mulberry32(k), as in gencnn.dropout, so the
// browser and NumPy agree unit for unit.

function uniforms(size, draw) {
  const next = mulberry32(draw);
  return Float64Array.from({ length: size }, () => next());
}

function render({ model, el: host }) {
  const root = widgetRoot(host, "gencnn-dropout");
  const rate = slider("Dropout rate", { min: 0, max: 0.95, step: 0.05, value: model.get("rate"), format: (v) => v.toFixed(2) });
  const once = button("Resample", "Draw a new random mask");
  const many = button("Resample \u00d7100", "Draw 100 new masks");
  const reset = button("Reset", "Start the running mean again from draw 0");
  const mode = select("Mode", ["training", "inference"], model.get("training") ? "training" : "inference");
  const grid = svgEl("svg", { class: "gencnn-units", role: "img" });
  const network = networkDiagram();
  const summary = el("p", { class: "gencnn-readout", role: "status" });
  const chart = lineChart({ xLabel: "draws", yLabel: "sum", label: "Running mean of the layer's sum against the sum without dropout" });
  root.append(
    el("div", { class: "gencnn-controls" }, [rate.row, mode.row, once, many, reset]),
    el("div", { class: "gencnn-panels" }, [
      el("figure", {}, [grid, el("figcaption", { text: "Each square is a unit; \u2715 = dropped. Number: its output." })]),
      el("figure", {}, [network.el, el("figcaption", { text: "The first units of the layer in a small network; dashed = dropped" })]),
    ]),
    summary,
    el("figure", {}, [chart.el, el("figcaption", { text: "Running mean of the layer's sum over the draws so far, against its sum without dropout" })]),
  );

  // Each draw's uniform numbers do not depend on the rate, so they are drawn once and kept; moving the
  // rate then only re-compares them. numbersUpTo(size, k) gives draws 0..k (and possibly more).
  let drawn = { size: 0, numbers: [] };
  function numbersUpTo(size, upTo) {
    if (drawn.size !== size) drawn = { size, numbers: [] };
    for (let k = drawn.numbers.length; k <= upTo; k++) drawn.numbers.push(uniforms(size, k));
    return drawn.numbers;
  }

  function sums(values, p, numbers, upTo) {
    const result = new Array(upTo + 1);
    for (let k = 0; k <= upTo; k++) {
      const u = numbers[k];
      let total = 0;
      for (let i = 0; i < values.length; i++) if (u[i] >= p) total += values[i];
      result[k] = total / (1 - p);
    }
    return result;
  }

  // One SVG square per unit (SVG lays out far faster than a grid of HTML boxes), made once per layer
  // shape; a square is touched only when what it shows changes.
  const CELL = 24;
  let units = [];
  function unitSquares(rows) {
    const [height, width] = [rows.length, rows[0].length];
    if (units.length !== height * width) {
      grid.setAttribute("viewBox", `0 0 ${width * CELL} ${height * CELL}`);
      units = Array.from({ length: height * width }, (_, i) => {
        const [x, y] = [(i % width) * CELL, Math.floor(i / width) * CELL];
        const square = svgEl("rect", { x: x + 1, y: y + 1, width: CELL - 2, height: CELL - 2, class: "gencnn-unit" });
        const label = svgEl("text", { x: x + CELL / 2, y: y + CELL / 2, "text-anchor": "middle", "dominant-baseline": "central" });
        const tip = svgEl("title");
        return { group: svgEl("g"), square, label, tip, shown: "" };
      });
      for (const unit of units) unit.group.append(unit.tip, unit.square, unit.label);
      grid.replaceChildren(...units.map((unit) => unit.group));
    }
    return units;
  }

  function showUnit(unit, index, value, output, kept, limit) {
    const [r, g, b] = diverging(output, limit);
    const fill = kept ? `rgb(${r},${g},${b})` : "";
    const ink = kept && output > 0.6 * limit ? "#fff" : "#111";
    const text = kept ? fmt(output, 1) : "\u2715";
    const shown = `${fill}|${ink}|${text}|${value}`;  // the value is in the tooltip
    if (unit.shown === shown) return;
    unit.shown = shown;
    unit.group.classList.toggle("gencnn-dropped", !kept);
    unit.square.style.fill = fill;
    unit.label.style.fill = ink;
    unit.label.textContent = text;
    unit.tip.textContent = `unit ${index}: activation ${fmt(value)}, ${kept ? `kept, output ${fmt(output)}` : "dropped, output 0"}`;
  }

  function draw() {
    const rows = model.get("activations");
    const values = rows.flat();
    const p = model.get("rate");
    const k = model.get("draw");
    const training = model.get("training");
    rate.set(p);
    mode.input.value = training ? "training" : "inference";
    const numbers = training ? numbersUpTo(values.length, k) : [];
    const keep = training ? Uint8Array.from(numbers[k], (u) => (u >= p ? 1 : 0)) : new Uint8Array(values.length).fill(1);
    const scale = training ? 1 / (1 - p) : 1;
    const output = values.map((v, i) => (keep[i] ? v * scale : 0));
    const limit = Math.max(1e-9, ...output.map(Math.abs), ...values.map(Math.abs));

    unitSquares(rows).forEach((unit, i) => showUnit(unit, i, values[i], output[i], keep[i], limit));
    const kept = keep.reduce((a, b) => a + b, 0);
    grid.setAttribute("aria-label", `${kept} of ${values.length} units kept`);
    network.update(keep);

    const noDropout = values.reduce((a, b) => a + b, 0);
    const history = training ? sums(values, p, numbers, k) : [];
    const mean = history.length ? history.reduce((a, b) => a + b, 0) / history.length : noDropout;
    summary.textContent = training
      ? `Draw ${k + 1}: ${kept} of ${values.length} units kept, survivors \u00d7 1/(1 \u2212 ${p.toFixed(2)}) = \u00d7${fmt(scale)}. ` +
        `Sum this draw ${fmt(output.reduce((a, b) => a + b, 0))}; mean over ${history.length} draws ${fmt(mean)}; without dropout ${fmt(noDropout)}.`
      : `Inference: no unit is dropped and nothing is rescaled; the sum is ${fmt(noDropout)}.`;

    let running = 0;
    const means = history.map((s, i) => (running += s) / (i + 1));
    const every = Math.ceil(means.length / 130);  // about one point per two pixels of the chart
    const xs = means.map((_, i) => i + 1).filter((_, i) => i % every === 0 || i === means.length - 1);
    const ys = xs.map((x) => means[x - 1]);
    const last = Math.max(2, means.length);
    chart.update([
      { xs: xs.length ? xs : [1], ys: ys.length ? ys : [noDropout] },
      { xs: [1, last], ys: [noDropout, noDropout], class: "gencnn-target" },
    ]);

    root.gencnn = { keep: Array.from(keep), output, sums: history, runningMean: means, rate: p, draw: k, training };
  }

  // Four inputs, the first eight units of the layer, one output; a dropped unit's edges are dashed.
  // Built once for the layer's size; update(keep) restyles it.
  function networkDiagram() {
    const svg = svgEl("svg", { viewBox: "0 0 220 190", width: 220, height: 190, class: "gencnn-chart", role: "img" });
    let hidden = [];
    const y = (i, n) => 15 + (i + 0.5) * (160 / n);
    function build(shown) {
      svg.replaceChildren();
      svg.setAttribute("aria-label", `Network diagram: ${shown} units shown`);
      hidden = Array.from({ length: shown }, (_, u) => ({
        edges: [0, 1, 2, 3].map((i) => svgEl("line", { x1: 25, y1: y(i, 4), x2: 110, y2: y(u, shown), class: "gencnn-axis" }))
          .concat(svgEl("line", { x1: 110, y1: y(u, shown), x2: 195, y2: 95, class: "gencnn-axis" })),
        node: svgEl("circle", { cx: 110, cy: y(u, shown), r: 8, stroke: "#555" }),
        kept: null,
      }));
      for (const unit of hidden) svg.append(...unit.edges);
      for (let i = 0; i < 4; i++) svg.append(svgEl("circle", { cx: 25, cy: y(i, 4), r: 7, fill: "#56b4e9" }));
      for (const unit of hidden) svg.append(unit.node);
      svg.append(svgEl("circle", { cx: 195, cy: 95, r: 8, fill: "#009e73" }));
    }
    function update(keep) {
      const shown = Math.min(8, keep.length);
      if (hidden.length !== shown) build(shown);
      hidden.forEach((unit, u) => {
        const kept = Boolean(keep[u]);
        if (unit.kept === kept) return;
        unit.kept = kept;
        unit.node.setAttribute("fill", kept ? "#e69f00" : "#fff");
        for (const edge of unit.edges) edge.classList.toggle("gencnn-dropped-edge", !kept);
      });
    }
    return { el: svg, update };
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

// Convolution explorer: the front end computes the cross-correlation itself, so it also runs on the
// static book page. gencnn.conv.cross_correlate is the reference it is tested against.

// Padding and output length along one axis (Keras's rules); null when no output position fits.
function axisGeometry(n, k, stride, padding, dilation) {
  const span = dilation * (k - 1) + 1;
  if (padding === "same") {
    const out = Math.ceil(n / stride);
    const total = Math.max((out - 1) * stride + span - n, 0);
    return { n, k, span, out, before: Math.floor(total / 2), after: total - Math.floor(total / 2) };
  }
  if (span > n) return null;
  return { n, k, span, out: Math.floor((n - span) / stride) + 1, before: 0, after: 0 };
}

function problem(state) {
  const { image, kernel, stride, padding, dilation } = state;
  if (stride > 1 && dilation > 1) return "Keras allows a stride above 1 or a dilation above 1, not both.";
  for (const [n, k] of [[image.rows, kernel.length], [image.cols, kernel[0].length]]) {
    if (!axisGeometry(n, k, stride, padding, dilation)) {
      return `With dilation ${dilation} the ${k}-tap kernel spans ${dilation * (k - 1) + 1} pixels, more than the ` +
        `${n}-pixel input: no output position fits.`;
    }
  }
  return null;
}

// Row and column geometry of a valid setting.
function geometry({ image, kernel, stride, padding, dilation }) {
  return {
    gy: axisGeometry(image.rows, kernel.length, stride, padding, dilation),
    gx: axisGeometry(image.cols, kernel[0].length, stride, padding, dilation),
  };
}

function crossCorrelate(state) {
  const { image, kernel, stride, dilation } = state;
  const { gy, gx } = geometry(state);
  const output = new Float64Array(gy.out * gx.out);
  const px = image.pixels;
  for (let i = 0; i < gy.out; i++) {
    for (let j = 0; j < gx.out; j++) {
      let sum = 0;
      for (let a = 0; a < kernel.length; a++) {
        const r = i * stride + a * dilation - gy.before;
        if (r < 0 || r >= image.rows) continue;
        for (let b = 0; b < kernel[0].length; b++) {
          const c = j * stride + b * dilation - gx.before;
          if (c >= 0 && c < image.cols) sum += kernel[a][b] * px[r * image.cols + c];
        }
      }
      output[i * gx.out + j] = sum;
    }
  }
  return { output, gy, gx };
}

function arithmetic(g, stride, dilation, padding, axis) {
  const general = `${axis}: out = \u230a(n + p\u2081 + p\u2082 \u2212 d\u00b7(k \u2212 1) \u2212 1) / s\u230b + 1 = ` +
    `\u230a(${g.n} + ${g.before} + ${g.after} \u2212 ${dilation}\u00b7${g.k - 1} \u2212 1) / ${stride}\u230b + 1 = ${g.out}`;
  if (padding !== "same") return general;
  return `${general}   (\u201csame\u201d: \u2308n / s\u2309 = \u2308${g.n} / ${stride}\u2309 = ${g.out}, ` +
    `so p\u2081 = ${g.before} zeros before, p\u2082 = ${g.after} after)`;
}

function render({ model, el: host }) {
  const root = widgetRoot(host, "gencnn-conv");
  const state = () => {
    const images = model.get("images");
    return {
      images, name: model.get("image"), image: images[model.get("image")], kernel: model.get("kernel"),
      stride: model.get("stride"), padding: model.get("padding"), dilation: model.get("dilation"),
      selected: model.get("selected"), presets: model.get("presets"),
    };
  };
  const s0 = state();
  const imageSelect = select("Input", Object.keys(s0.images), s0.name);
  const presetSelect = select("Kernel", [...Object.keys(s0.presets), "custom"], model.get("preset"));
  const stride = slider("Stride", { min: 1, max: 4, step: 1, value: s0.stride });
  const dilation = slider("Dilation", { min: 1, max: 4, step: 1, value: s0.dilation });
  const padding = select("Padding", ["valid", "same"], s0.padding);
  const message = el("p", { class: "gencnn-message", role: "status" });
  const controls = el("div", { class: "gencnn-controls" }, [imageSelect.row, presetSelect.row, stride.row, padding.row, dilation.row, message]);

  const inputCanvas = el("canvas", { class: "gencnn-canvas", role: "img" });
  const kernelGrid = el("div", { class: "gencnn-kernel" });
  const mapCanvas = el("canvas", { class: "gencnn-canvas gencnn-pointer", tabindex: "0", role: "img" });
  const mapScale = colourBar();
  const formula = el("pre", { class: "gencnn-formula" });
  const dot = el("div", { class: "gencnn-dot" });
  root.append(
    controls,
    el("div", { class: "gencnn-panels" }, [
      el("figure", {}, [inputCanvas, el("figcaption", { text: "Input (zero padding shaded); outline: the window of the chosen output pixel" })]),
      el("figure", {}, [kernelGrid, el("figcaption", { text: "Kernel: type a number into any entry (or use the arrow keys)" })]),
      el("figure", {}, [mapCanvas, mapScale.el, el("figcaption", { text: "Feature map: hover, click or use the arrow keys to pick a pixel" })]),
    ]),
    formula, dot,
  );

  // Apply a change only if it leaves a valid layer; otherwise say why and keep the old state.
  function apply(changes) {
    const next = { ...state(), ...changes };
    if (changes.image !== undefined) next.image = next.images[changes.image];
    const why = problem(next);
    if (why) {
      message.textContent = why;
      draw();
      return;
    }
    message.textContent = "";
    for (const [key, value] of Object.entries(changes)) model.set(key, value);
    model.save_changes();
  }

  imageSelect.input.addEventListener("change", () => apply({ image: imageSelect.input.value }));
  presetSelect.input.addEventListener("change", () => {
    const name = presetSelect.input.value;
    if (name !== "custom") apply({ preset: name, kernel: state().presets[name] });
  });
  padding.input.addEventListener("change", () => apply({ padding: padding.input.value }));
  stride.input.addEventListener("input", () => apply({ stride: stride.value() }));
  dilation.input.addEventListener("input", () => apply({ dilation: dilation.value() }));

  function matchingPreset(kernel, presets) {
    const same = (k) => k.length === kernel.length && k.every((row, i) => row.every((v, j) => v === kernel[i][j]));
    return Object.keys(presets).find((name) => same(presets[name])) || "custom";
  }

  // The kernel as a grid of number fields, laid out as the kernel is; rebuilt only when its shape changes,
  // and a field being typed in is not overwritten (so "-0." may stand until it becomes a number).
  let cells = [];
  function drawKernel(kernel) {
    if (cells.length !== kernel.length * kernel[0].length) {
      kernelGrid.replaceChildren();
      kernelGrid.style.gridTemplateColumns = `repeat(${kernel[0].length}, auto)`;
      cells = kernel.flatMap((row, a) => row.map((value, b) => {
        const entry = el("input", { type: "number", step: 0.05, class: "gencnn-kernel-cell",
          "aria-label": `kernel row ${a + 1} column ${b + 1}` });
        entry.value = value;
        entry.addEventListener("input", () => {
          const typed = entry.valueAsNumber;
          if (!Number.isFinite(typed)) return;
          const next = model.get("kernel").map((k) => k.slice());
          next[a][b] = typed;
          apply({ kernel: next, preset: matchingPreset(next, model.get("presets")) });
        });
        kernelGrid.append(entry);
        return entry;
      }));
    }
    const limit = Math.max(1e-9, ...kernel.flat().map(Math.abs));
    kernel.flat().forEach((value, i) => {
      const [r, g, b] = diverging(value, limit);
      const typing = document.activeElement === cells[i]
        && (!Number.isFinite(cells[i].valueAsNumber) || cells[i].valueAsNumber === value);
      if (!typing) cells[i].value = value;
      cells[i].style.background = `rgb(${r},${g},${b})`;
      cells[i].style.color = Math.abs(value) > 0.6 * limit ? "#fff" : "#111";
    });
  }

  // The feature map of the last setting: picking another output pixel (hover, arrow keys) reuses it.
  // The model hands back the same image and kernel objects until they change.
  let last = null;
  function featureMap(s) {
    const key = [s.image, s.kernel, s.stride, s.padding, s.dilation];
    if (!last || key.some((part, i) => part !== last.key[i])) last = { key, ...crossCorrelate(s) };
    return last;
  }

  function draw() {
    const s = state();
    imageSelect.input.value = s.name;
    presetSelect.input.value = model.get("preset");
    stride.set(s.stride);
    dilation.set(s.dilation);
    padding.input.value = s.padding;
    const why = problem(s);
    if (why) {
      message.textContent = why;
      return;
    }
    const { output, gy, gx } = featureMap(s);
    const [si, sj] = [Math.min(s.selected[0], gy.out - 1), Math.min(s.selected[1], gx.out - 1)];

    // Input with its zero padding; cells are large enough to read on a phone and a desktop alike.
    const rows = s.image.rows + gy.before + gy.after;
    const cols = s.image.cols + gx.before + gx.after;
    const cell = Math.max(1, Math.floor(240 / Math.max(rows, cols)));
    const context = paintCells(inputCanvas, rows, cols, cell, (index) => {
      const r = Math.floor(index / cols) - gy.before;
      const c = (index % cols) - gx.before;
      if (r < 0 || c < 0 || r >= s.image.rows || c >= s.image.cols) return [190, 205, 225];
      return grey(s.image.pixels[r * s.image.cols + c]);
    });
    context.lineWidth = 1;
    context.strokeStyle = "#e69f00";
    for (let a = 0; a < s.kernel.length; a++) {
      for (let b = 0; b < s.kernel[0].length; b++) {
        context.strokeRect((sj * s.stride + b * s.dilation) * cell + 0.5, (si * s.stride + a * s.dilation) * cell + 0.5, cell - 1, cell - 1);
      }
    }
    context.lineWidth = 2;
    context.strokeRect(sj * s.stride * cell, si * s.stride * cell, gx.span * cell, gy.span * cell);
    inputCanvas.setAttribute("aria-label", `${s.name}, ${s.image.rows} by ${s.image.cols} pixels`);

    drawKernel(s.kernel);

    let limit = 0;
    for (const v of output) limit = Math.max(limit, Math.abs(v));
    const mapCell = cell;  // the input's scale: a 13x13 map of a 28x28 digit is drawn at half its size
    const map = paintCells(mapCanvas, gy.out, gx.out, mapCell, (index) => diverging(output[index], limit));
    map.lineWidth = 2;
    map.strokeStyle = "#009e73";
    map.strokeRect(sj * mapCell, si * mapCell, mapCell, mapCell);
    mapCanvas.setAttribute("aria-label", `Feature map, ${gy.out} by ${gx.out}; selected pixel row ${si}, column ${sj}`);
    mapScale.update(limit);

    formula.textContent = gy.n === gx.n && gy.k === gx.k
      ? arithmetic(gy, s.stride, s.dilation, s.padding, "rows and columns")
      : `${arithmetic(gy, s.stride, s.dilation, s.padding, "rows")}\n${arithmetic(gx, s.stride, s.dilation, s.padding, "columns")}`;

    const terms = [];
    for (let a = 0; a < s.kernel.length; a++) {
      for (let b = 0; b < s.kernel[0].length; b++) {
        const r = si * s.stride + a * s.dilation - gy.before;
        const c = sj * s.stride + b * s.dilation - gx.before;
        const x = r < 0 || c < 0 || r >= s.image.rows || c >= s.image.cols ? 0 : s.image.pixels[r * s.image.cols + c];
        terms.push(`${fmt(s.kernel[a][b], 2)}\u00d7${fmt(x, 2)}`);
      }
    }
    const value = output[si * gx.out + sj];
    dot.textContent = `out[${si}, ${sj}] = ${terms.join(" + ")} = ${fmt(value, 4)}`;

    // The numbers on show, for the browser tests (compared with the NumPy reference).
    root.dataset.outputShape = `${gy.out}x${gx.out}`;
    root.gencnn = { output, rows: gy.out, cols: gx.out, selected: [si, sj], value };
  }

  function pick(event) {
    const s = state();
    if (problem(s)) return;
    const box = mapCanvas.getBoundingClientRect();
    const { gy, gx } = geometry(s);
    const i = Math.floor(((event.clientY - box.top) / box.height) * gy.out);
    const j = Math.floor(((event.clientX - box.left) / box.width) * gx.out);
    const [oi, oj] = model.get("selected");
    if (i >= 0 && j >= 0 && i < gy.out && j < gx.out && (i !== oi || j !== oj)) apply({ selected: [i, j] });
  }
  mapCanvas.addEventListener("mousemove", pick);
  mapCanvas.addEventListener("click", pick);
  mapCanvas.addEventListener("keydown", (event) => {
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (!moves[event.key] || problem(state())) return;
    event.preventDefault();
    const { gy, gx } = geometry(state());
    const [i, j] = model.get("selected");
    const [di, dj] = moves[event.key];
    apply({ selected: [Math.max(0, Math.min(gy.out - 1, i + di)), Math.max(0, Math.min(gx.out - 1, j + dj))] });
  });

  const traits = ["image", "kernel", "preset", "stride", "padding", "dilation", "selected", "images"];
  for (const name of traits) model.on(`change:${name}`, draw);
  draw();
  return () => { for (const name of traits) model.off(`change:${name}`, draw); };
}

export default { render };

// Helpers shared by the course widgets; gencnn/widgets/base.py puts this file before each widget's module.

function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

// The widget's root element, inside the element the widget manager gives it.
function widgetRoot(host, name) {
  const root = el("div", { class: `gencnn-widget ${name}` });
  host.append(root);
  return root;
}

function svgEl(tag, attrs = {}) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

// A labelled control; `format` turns the value into the text shown beside it.
function slider(label, { min, max, step, value, format = String }) {
  const input = el("input", { type: "range", min, max, step, "aria-label": label });
  input.value = value;
  const shown = el("output", { text: format(Number(value)) });
  const row = el("label", { class: "gencnn-control" }, [el("span", { text: label }), input, shown]);
  return {
    row,
    input,
    set(v) { input.value = v; shown.textContent = format(Number(v)); },
    value() { return Number(input.value); },
    show(v) { shown.textContent = format(v); },
  };
}

function select(label, options, value) {
  const input = el("select", { "aria-label": label });
  for (const option of options) input.append(el("option", { value: option, text: option }));
  input.value = value;
  return { row: el("label", { class: "gencnn-control" }, [el("span", { text: label }), input]), input };
}

function button(text, title) {
  return el("button", { type: "button", class: "gencnn-button", text, title: title || text });
}

function fmt(x, digits = 3) {
  if (!Number.isFinite(x)) return String(x);
  const rounded = Number(x.toFixed(digits));
  return (Object.is(rounded, -0) ? 0 : rounded).toString().replace("-", "\u2212");
}

// mulberry32: the same 32-bit generator as gencnn.dropout.uniforms, so masks agree bit for bit.
function mulberry32(seed) {
  let a = seed | 0;
  return function () {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Colour maps readable with colour-blind vision: grey for images, matplotlib's PuOr_r for signed values.
const PUOR = ["#2d004b", "#5f3a91", "#9990bf", "#cfcfe5", "#f7f7f6", "#fed59f", "#ee9b39", "#bd6109", "#7f3b08"]
  .map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));

function diverging(value, limit) {
  const t = limit > 0 ? Math.max(-1, Math.min(1, value / limit)) * 0.5 + 0.5 : 0.5;
  const x = t * (PUOR.length - 1);
  const i = Math.min(Math.floor(x), PUOR.length - 2);
  const f = x - i;
  return PUOR[i].map((c, k) => Math.round(c + f * (PUOR[i + 1][k] - c)));
}

function grey(value) {
  const g = Math.round(255 * Math.max(0, Math.min(1, value)));
  return [g, g, g];
}

// Paint rows x cols cells (colour(index) -> [r, g, b]) onto a canvas, each cell `cell` pixels wide.
// The pixel buffer is kept per canvas and the canvas is resized only when the size changes.
const buffers = new WeakMap();
function paintCells(canvas, rows, cols, cell, colour) {
  let buffer = buffers.get(canvas);
  if (!buffer || buffer.small.width !== cols || buffer.small.height !== rows) {
    const small = document.createElement("canvas");
    small.width = cols;
    small.height = rows;
    const context = small.getContext("2d");
    buffer = { small, context, image: context.createImageData(cols, rows) };
    buffers.set(canvas, buffer);
  }
  const data = buffer.image.data;
  for (let i = 0; i < rows * cols; i++) {
    const [r, g, b] = colour(i);
    data[4 * i] = r;
    data[4 * i + 1] = g;
    data[4 * i + 2] = b;
    data[4 * i + 3] = 255;
  }
  buffer.context.putImageData(buffer.image, 0, 0);
  if (canvas.width !== cols * cell || canvas.height !== rows * cell) {
    canvas.width = cols * cell;
    canvas.height = rows * cell;
  }
  const target = canvas.getContext("2d");
  target.imageSmoothingEnabled = false;
  target.drawImage(buffer.small, 0, 0, cols * cell, rows * cell);
  return target;
}

// A horizontal colour bar from -limit to +limit; update(limit) relabels it.
function colourBar(width = 160) {
  const canvas = el("canvas", { width, height: 10, class: "gencnn-colourbar", "aria-hidden": "true" });
  const context = canvas.getContext("2d");
  for (let x = 0; x < width; x++) {
    const [r, g, b] = diverging((2 * x) / (width - 1) - 1, 1);
    context.fillStyle = `rgb(${r},${g},${b})`;
    context.fillRect(x, 0, 1, 10);
  }
  const low = el("span");
  const high = el("span");
  return {
    el: el("div", { class: "gencnn-scale" }, [low, canvas, high]),
    update(limit) { low.textContent = fmt(-limit, 2); high.textContent = fmt(limit, 2); },
  };
}

// A line chart as SVG, built once: update(series, marks) redraws it in place. series = [{xs, ys, class}],
// marks = [{x, y, class}]; axes run through zero when zero is in range.
function lineChart({ width = 320, height = 200, xLabel = "", yLabel = "", label = "" } = {}) {
  const pad = { left: 42, right: 10, top: 10, bottom: 30 };
  const svg = svgEl("svg", { viewBox: `0 0 ${width} ${height}`, width, height, class: "gencnn-chart", role: "img", "aria-label": label });
  const line = () => svg.appendChild(svgEl("line", { class: "gencnn-axis" }));
  const text = (x, y, anchor = "middle") => svg.appendChild(svgEl("text", { x, y, "text-anchor": anchor, class: "gencnn-tick" }));
  const place = (node, x1, y1, x2, y2) => { for (const [k, v] of Object.entries({ x1, y1, x2, y2 })) node.setAttribute(k, v); };
  place(line(), pad.left, height - pad.bottom, width - pad.right, height - pad.bottom);
  place(line(), pad.left, pad.top, pad.left, height - pad.bottom);
  const [xZero, yZero] = [line(), line()];
  const ticks = [text(pad.left, height - pad.bottom + 14), text(width - pad.right, height - pad.bottom + 14, "end"),
    text(pad.left - 4, height - pad.bottom, "end"), text(pad.left - 4, pad.top + 8, "end")];
  text((pad.left + width - pad.right) / 2, height - 4).textContent = xLabel;
  text(pad.left - 4, pad.top + 22, "end").textContent = yLabel;
  const lines = [];
  const dots = [];
  function update(series, marks = []) {
    const xs = series.flatMap((s) => s.xs);
    const ys = series.flatMap((s) => s.ys).filter(Number.isFinite);
    let [x0, x1] = [Math.min(...xs), Math.max(...xs)];
    let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
    if (y1 - y0 < 1e-9) { y0 -= 1; y1 += 1; }
    if (x1 - x0 < 1e-9) { x0 -= 1; x1 += 1; }
    const px = (x) => pad.left + ((x - x0) / (x1 - x0)) * (width - pad.left - pad.right);
    const py = (y) => height - pad.bottom - ((y - y0) / (y1 - y0)) * (height - pad.top - pad.bottom);
    place(yZero, pad.left, py(0), width - pad.right, py(0));
    yZero.style.display = y0 < 0 && y1 > 0 ? "" : "none";
    place(xZero, px(0), pad.top, px(0), height - pad.bottom);
    xZero.style.display = x0 < 0 && x1 > 0 ? "" : "none";
    [x0, x1, y0, y1].forEach((v, i) => { ticks[i].textContent = fmt(v, 2); });
    series.forEach((s, i) => {
      lines[i] ||= svg.appendChild(svgEl("polyline", { fill: "none" }));
      lines[i].setAttribute("class", `gencnn-line ${s.class || ""}`);
      lines[i].setAttribute("points", s.xs.map((x, j) => (Number.isFinite(s.ys[j]) ? `${px(x).toFixed(1)},${py(s.ys[j]).toFixed(1)}` : ""))
        .filter(Boolean).join(" "));
    });
    marks.forEach((m, i) => {
      dots[i] ||= svg.appendChild(svgEl("circle", { r: 4 }));
      dots[i].setAttribute("class", `gencnn-mark ${m.class || ""}`);
      dots[i].setAttribute("cx", px(m.x));
      dots[i].setAttribute("cy", py(m.y));
    });
  }
  return { el: svg, update };
}

// Softmax explorer; the arithmetic mirrors gencnn.activations.softmax and cross_entropy.

function softmax(logits, temperature) {
  const scaled = logits.map((z) => z / temperature);
  const top = Math.max(...scaled);
  const exps = scaled.map((z) => Math.exp(z - top));
  const total = exps.reduce((a, b) => a + b, 0);
  return { probabilities: exps.map((e) => e / total), logSum: top + Math.log(total), scaled };
}

function render({ model, el: host }) {
  const root = widgetRoot(host, "gencnn-softmax");
  const temperature = slider("Temperature T", {
    min: -1.3, max: 1.3, step: 0.01, value: Math.log10(model.get("temperature")),  // about 0.05 to 20, with T = 1 on a step
    format: (v) => fmt(10 ** v, 2),
  });
  const target = select("True class", model.get("labels"), model.get("labels")[model.get("target")]);
  const logitRows = el("div", { class: "gencnn-softmax-rows" });
  const readout = el("p", { class: "gencnn-readout", role: "status" });
  root.append(el("div", { class: "gencnn-controls" }, [temperature.row, target.row]), logitRows, readout);

  const rows = model.get("labels").map((label, i) => {
    const logit = slider(`logit of ${label}`, { min: -10, max: 10, step: 0.1, value: model.get("logits")[i], format: (v) => fmt(v, 1) });
    logit.row.querySelector("span").textContent = `z(${label})`;
    const bar = el("span", { class: "gencnn-bar" });
    const share = el("span", { class: "gencnn-share" });
    logit.input.addEventListener("input", () => {
      const next = model.get("logits").slice();
      next[i] = logit.value();
      model.set("logits", next);
      model.save_changes();
    });
    logitRows.append(el("div", { class: "gencnn-softmax-row" }, [logit.row, el("span", { class: "gencnn-track" }, [bar]), share]));
    return { logit, bar, share };
  });

  function draw() {
    const logits = model.get("logits");
    const t = model.get("temperature");
    const k = model.get("target");
    temperature.set(Math.log10(t));
    target.input.value = model.get("labels")[k];
    const { probabilities, logSum, scaled } = softmax(logits, t);
    rows.forEach((row, i) => {
      row.logit.set(logits[i]);
      row.bar.style.width = `${(100 * probabilities[i]).toFixed(2)}%`;
      row.bar.classList.toggle("gencnn-true", i === k);
      row.share.textContent = `p = ${fmt(probabilities[i], 4)}`;
    });
    const loss = logSum - scaled[k];
    readout.textContent = `True class ${model.get("labels")[k]}: cross-entropy \u2212log p = ${fmt(loss, 4)}. ` +
      (t < 1 ? "T < 1 sharpens the distribution towards the largest logit." :
        t > 1 ? "T > 1 flattens it towards uniform." : "T = 1 is the plain softmax.");
    root.gencnn = { probabilities, loss, logits, temperature: t, target: k };
  }

  temperature.input.addEventListener("input", () => { model.set("temperature", Number((10 ** temperature.value()).toPrecision(6))); model.save_changes(); });
  target.input.addEventListener("change", () => { model.set("target", model.get("labels").indexOf(target.input.value)); model.save_changes(); });
  const traits = ["logits", "temperature", "target"];
  for (const name of traits) model.on(`change:${name}`, draw);
  draw();
  return () => { for (const name of traits) model.off(`change:${name}`, draw); };
}

export default { render };

/* Two aids to reading the chapters (tests/browser/test_page_layout.py checks both):
   - Click to enlarge: each figure a cell draws becomes a link to its image file; following it (click,
     or Enter on the focused link) shows the figure over the page as wide as the window allows, in a
     modal dialog that Escape, the Close button or a click closes. Without this script the link still
     opens the image file itself.
   - Wide tables: a table wider than its column scrolls sideways in its own box. When (and only when) it
     does, a line above it says so, and a shadow marks each edge that has more columns beyond it. */
(() => {
  // What cells draw (bare or in a numbered figure); a widget's own images are not figures.
  const FIGURES = "main .cell_output > img, main .cell_output > figure > img";
  const TABLES = "main table";
  const SCROLLS = /auto|scroll/;

  let dialog = null;
  function figureDialog() {
    if (dialog) return dialog;
    dialog = document.createElement("dialog");
    dialog.className = "gencnn-figure-dialog";
    dialog.setAttribute("aria-label", "Figure at full size");
    dialog.innerHTML = '<button type="button" class="gencnn-figure-close">Close</button><img alt="">';
    dialog.addEventListener("click", () => dialog.close());  // anywhere, the Close button included
    document.body.append(dialog);
    return dialog;
  }
  function enlarge(event) {
    const image = event.currentTarget.querySelector("img");
    if (!image || typeof HTMLDialogElement === "undefined") return;  // the link opens the file instead
    event.preventDefault();
    const box = figureDialog();
    const copy = box.querySelector("img");
    copy.src = image.currentSrc || image.src;
    copy.alt = image.alt;
    box.showModal();
    box.querySelector("button").focus();
  }
  function linkFigures() {
    for (const image of document.querySelectorAll(FIGURES)) {
      if (image.closest("a")) continue;
      const link = document.createElement("a");
      link.href = image.getAttribute("src");
      link.className = "gencnn-enlarge";
      link.title = "Show the figure at full size";
      link.addEventListener("click", enlarge);
      image.before(link);
      link.append(image);
    }
  }

  function scroller(table) {  // the nearest box around the table that scrolls sideways
    for (let box = table.parentElement; box && box.tagName !== "MAIN"; box = box.parentElement) {
      if (SCROLLS.test(getComputedStyle(box).overflowX)) return box;
    }
    return null;
  }
  const boxes = new Set();
  function mark(box) {
    const frame = box.parentElement;
    const more = box.scrollWidth - box.clientWidth > 1;
    frame.classList.toggle("gencnn-more-left", more && box.scrollLeft > 1);
    frame.classList.toggle("gencnn-more-right", more && box.scrollLeft < box.scrollWidth - box.clientWidth - 1);
    frame.previousElementSibling.hidden = !more;
  }
  function frameTables() {
    for (const table of document.querySelectorAll(TABLES)) {
      const box = scroller(table);
      if (!box || boxes.has(box)) continue;
      boxes.add(box);
      const frame = document.createElement("div");
      frame.className = "gencnn-table-frame";
      const hint = document.createElement("p");
      hint.className = "gencnn-scroll-hint";
      hint.hidden = true;
      hint.innerHTML = 'Scroll sideways for more columns <span aria-hidden="true">→</span>';
      box.before(hint, frame);
      frame.append(box);
      box.addEventListener("scroll", () => mark(box), {passive: true});
      new ResizeObserver(() => mark(box)).observe(box);
      mark(box);
    }
  }
  function markAll() {
    for (const box of boxes) mark(box);
  }

  function start() {
    linkFigures();
    frameTables();
    const main = document.querySelector("main") || document.body;
    let pending = false;
    new MutationObserver(() => {  // tables or figures added later (widgets)
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => { pending = false; linkFigures(); frameTables(); });
    }).observe(main, {childList: true, subtree: true});
    window.addEventListener("load", markAll);
    document.fonts.ready.then(markAll);
  }
  document.readyState === "loading" ? document.addEventListener("DOMContentLoaded", start) : start();
})();

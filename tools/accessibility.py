"""Sphinx extension: mend what axe-core flags on the built pages (the site tests run axe on every page).

- myst-nb's collapsible code cells label their <summary> "Toggle hidden content", which hides the
  visible text ("Show code cell source") from assistive technology; without the label the text names it.
- docutils marks the citation list role="list" though its entries are not list items.
- A region that scrolls must be reachable by keyboard (axe: scrollable-region-focusable). The theme
  gives a tab stop to code blocks and cell outputs only, not to its table containers, MathJax's wide
  equations or a widget's wide panel, and whether any of them overflows depends on the reader's width
  and fonts. A script on every page gives each element that scrolls a tab stop, and re-checks when the
  layout changes (fonts arriving, the window resized, math typeset, widgets rendered).
"""

REPLACEMENTS = {
    '<summary aria-label="Toggle hidden content">': "<summary>",
    '<div role="list" class="citation-list">': '<div class="citation-list">',
}

SCROLL_TAB_STOPS = """
(() => {
  const SCROLLS = /auto|scroll/;
  const MARK = "gencnnTabStop";  // data attribute: tab stops this script added, and may take away again
  function overflows(element) {
    const style = getComputedStyle(element);
    return (SCROLLS.test(style.overflowX) && element.scrollWidth > element.clientWidth)
      || (SCROLLS.test(style.overflowY) && element.scrollHeight > element.clientHeight);
  }
  let scrollers = [];  // elements whose style lets them scroll; found again when nodes come or go
  function find() {
    scrollers = [...document.querySelectorAll("#main-content *")].filter((element) => {
      const style = getComputedStyle(element);
      return SCROLLS.test(style.overflowX) || SCROLLS.test(style.overflowY);
    });
  }
  function update() {
    for (const element of scrollers) {
      if (overflows(element)) {
        if (element.tabIndex < 0) {
          element.tabIndex = 0;
          element.dataset[MARK] = "";
        }
      } else if (MARK in element.dataset) {
        element.removeAttribute("tabindex");
        delete element.dataset[MARK];
      }
    }
  }
  let pending = false;
  let changed = true;
  function soon() {
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        if (changed) find();
        changed = false;
        update();
      });
    }
  }
  function start() {
    soon();
    new MutationObserver(() => { changed = true; soon(); }).observe(
      document.getElementById("main-content") || document.body, {childList: true, subtree: true});
    window.addEventListener("resize", soon);
    window.addEventListener("load", soon);
    document.fonts.addEventListener("loadingdone", soon);
    document.fonts.ready.then(soon);
  }
  document.readyState === "loading" ? document.addEventListener("DOMContentLoaded", start) : start();
})();
"""


def _mend_body(app, pagename, templatename, context, doctree):
    body = context.get("body")
    if body:
        for old, new in REPLACEMENTS.items():
            body = body.replace(old, new)
        context["body"] = body


def setup(app):
    app.connect("html-page-context", _mend_body)
    app.add_js_file(None, body=SCROLL_TAB_STOPS)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""The built site as a reader meets it: every page of _toc.yml in headless Chromium, offline.

Each page loads with no console errors and no failed requests, shows its title, its figures with alt
text and its math typeset, passes axe-core with no serious or critical violation, and fits a phone's
width (screenshots at 390 px and at desktop width go to _build/screenshots/). Launch buttons and lab
links point at the right Colab URLs, downloads work, and search finds a chapter. (tools/check_links.py,
run by `make test` after the build, checks every internal link and anchor.)
"""

from __future__ import annotations

import json
import re
import sys
import urllib.request
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import make_labs  # noqa: E402
import sync_notebooks  # noqa: E402

SCREENSHOTS = ROOT / "_build" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def toc_pages() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    return [toc["root"], *(chapter["file"] for part in toc["parts"] for chapter in part["chapters"])]


PAGES = toc_pages()
CHAPTERS = [page for page in PAGES if re.fullmatch(r"book/\d\d_.*", page)]


def serious_violations(page, rules: list[str] | None = None) -> list[str]:
    """axe-core's serious and critical violations on the page (only `rules`, if given)."""
    if not page.evaluate("!!window.axe"):
        page.add_script_tag(path=str(AXE))
    options = {"resultTypes": ["violations"], **({"runOnly": rules} if rules else {})}
    results = page.evaluate("(options) => axe.run(document, options)", options)
    return [f"{v['id']} ({v['impact']}): {v['help']} - {len(v['nodes'])} element(s), e.g. {v['nodes'][0]['target']}"
            for v in results["violations"] if v["impact"] in ("serious", "critical")]


SHOWN_TEXT = "body *:not(mjx-assistive-mml, mjx-assistive-mml *, script, style)"


def local_fonts(page) -> dict[str, str]:
    """Fonts of the machine (not the book's web fonts) that the page draws text with: font -> an example.

    Chromium's DevTools protocol names, for each element, the fonts that actually render its text.
    MathJax's copy of each formula for screen readers (mjx-assistive-mml) is never drawn, so it is left out.
    """
    client = page.context.new_cdp_session(page)
    client.send("DOM.enable")
    client.send("CSS.enable")
    root = client.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    found = {}
    for node in client.send("DOM.querySelectorAll", {"nodeId": root, "selector": SHOWN_TEXT})["nodeIds"]:
        for font in client.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]:
            if not font["isCustomFont"] and font["familyName"] not in found:
                element = client.send("DOM.describeNode", {"nodeId": node})["node"]
                found[font["familyName"]] = f"<{element['localName']} {' '.join(element.get('attributes', [])[:2])}>"
    client.detach()
    return found


@pytest.mark.parametrize("page_name", PAGES)
def test_page_reads_well(page_name, reader):
    visit = reader(f"{page_name}.html", "desktop")
    page = visit.page
    title = page.locator("main h1").first.inner_text().strip()
    assert title, f"{page_name}: no title"
    missing_alt = page.evaluate("[...document.querySelectorAll('main img')]"
                                ".filter((img) => !(img.getAttribute('alt') || '').trim()).map((img) => img.src)")
    assert not missing_alt, f"{page_name}: images without alt text: {missing_alt}"
    unloaded = page.evaluate("[...document.querySelectorAll('main img')]"
                             ".filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.src)")
    assert not unloaded, f"{page_name}: images that did not load: {unloaded}"
    raw_math = page.evaluate("[...document.querySelectorAll('main .math')]"
                             ".filter((m) => !m.querySelector('mjx-container')).map((m) => m.textContent.slice(0, 40))")
    assert not raw_math, f"{page_name}: math left untypeset: {raw_math}"
    violations = serious_violations(page)
    assert not violations, f"{page_name}: axe-core found\n" + "\n".join(violations)
    fallbacks = local_fonts(page)
    assert not fallbacks, f"{page_name}: text drawn in the machine's own fonts, not the book's: {fallbacks}"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{page_name.replace('/', '_')}-desktop.png"), full_page=True)
    assert not visit.problems(), f"{page_name}: " + "; ".join(visit.problems())


@pytest.mark.parametrize("page_name", PAGES)
def test_page_fits_a_phone(page_name, reader):
    visit = reader(f"{page_name}.html", "phone")
    page = visit.page
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{page_name.replace('/', '_')}-phone.png"), full_page=True)
    assert overflow <= 0, f"{page_name}: the page is {overflow} px wider than a 390 px phone screen"
    violations = serious_violations(page)
    assert not violations, f"{page_name} at 390 px: axe-core found\n" + "\n".join(violations)
    assert not visit.problems(), f"{page_name}: " + "; ".join(visit.problems())


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_a_table_wider_than_the_column_can_be_scrolled_by_keyboard(viewport, reader):
    """Whatever a machine's fonts and width, a region that scrolls gets a tab stop (axe's
    scrollable-region-focusable): a table wider than the text column at any width is added the way the
    theme wraps tables, and must be reachable by keyboard once the page has reacted."""
    page = reader("book/02_softmax_cross_entropy.html", viewport).page
    page.evaluate("""() => {
        const cells = Array.from({length: 40}, (_, i) => `<td>column ${i}</td>`).join("");
        document.querySelector("main article").insertAdjacentHTML("beforeend",
            `<div class="pst-scrollable-table-container" id="wide-table"><table class="table">
             <tbody><tr>${cells}</tr></tbody></table></div>`);
    }""")
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    container = page.locator("#wide-table")
    assert container.evaluate("(e) => e.scrollWidth > e.clientWidth"), "the added table should overflow its column"
    assert container.get_attribute("tabindex") == "0"
    violations = serious_violations(page, ["scrollable-region-focusable"])
    assert not violations, f"at {viewport} width: " + "\n".join(violations)


@pytest.mark.parametrize("page_name", CHAPTERS)
def test_launch_button_opens_the_chapter_in_colab(page_name, reader):
    expected = sync_notebooks.colab_url(f"{page_name}.ipynb")
    links = reader(f"{page_name}.html", "desktop").page.evaluate(
        "[...document.querySelectorAll('a')].map((a) => a.href).filter((h) => h.includes('colab.research.google.com'))")
    assert expected in links, f"{page_name}: no launch link to {expected}; found {links}"


def test_labs_page_links_colab_and_downloads(reader, site):
    page = reader("book/labs.html", "desktop").page
    links = page.evaluate("[...document.querySelectorAll('main a')].map((a) => a.href)")
    for master in make_labs.masters():
        colab, _ = make_labs.colab_links(master.stem)
        assert colab in links, f"the Labs page has no Colab link for {master.stem}"
        downloads = [link for link in links if link.startswith(site) and link.endswith(f"/{master.stem}.ipynb")]
        assert downloads, f"the Labs page has no download link for {master.stem}"
        with urllib.request.urlopen(downloads[0]) as reply:
            notebook = json.loads(reply.read())
        assert notebook["cells"][0]["source"], f"{downloads[0]} is not the lab notebook"


def test_search_finds_a_chapter_by_a_word_only_it_has(reader):
    texts = {page: (ROOT / "_build" / "html" / f"{page}.html").read_text().lower() for page in PAGES}
    target = "book/06_padding_stride"
    words = set(re.findall(r"\b[a-z]{9,}\b", re.sub(r"<[^>]+>", " ", texts[target])))
    others = [text for page, text in texts.items() if page != target]
    only_here = sorted(word for word in words if not any(word in text for text in others))
    assert only_here, "no word of the padding chapter is unique to it"
    word = only_here[0]
    page = reader(f"search.html?q={word}", "desktop").page
    page.wait_for_selector("#search-results li", timeout=15_000)
    found = page.evaluate("[...document.querySelectorAll('#search-results li a')].map((a) => a.href)")
    assert any(f"{target}.html" in link for link in found), f"searching {word!r} gave {found}"

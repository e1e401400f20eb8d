"""The layout of the built pages at a reader's widths: figure text large enough to read, code that fits
its column, wide tables that say they scroll, figures that open at full size, and the contact sheet of
the screenshots.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from PIL import Image
from test_site import CHAPTERS, PAGES, serious_violations

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "_build" / "html"
sys.path.insert(0, str(ROOT / "tools"))
import browser  # noqa: E402  (tools/browser.py)
import contact_sheet  # noqa: E402  (tools/contact_sheet.py)

SMALLEST_PX = 9  # CSS px: figure text under this is too small to read at 1280 px
NO_TEXT_TAG = "figure-without-text"  # a cell tag: its PNG figure holds no text, so its size is free

FIGURES = """() => [...document.querySelectorAll("main .cell_output img")]
    .filter((img) => img.getBoundingClientRect().width > 0 && /\\.(svg|png)$/i.test(new URL(img.src).pathname))
    .map((img) => ({
        src: img.src,
        shown: img.getBoundingClientRect().width,
        declared: img.getAttribute("width") ? Number(img.getAttribute("width")) : img.naturalWidth,
        column: img.closest(".cell_output").clientWidth,
        noText: !!img.closest(".tag_NO_TEXT_TAG"),
        alt: (img.alt || "").slice(0, 60),
    }))""".replace("NO_TEXT_TAG", NO_TEXT_TAG)


def site_file(url: str) -> Path:
    return SITE / unquote(urlsplit(url).path).lstrip("/")


@pytest.mark.parametrize("page_name", CHAPTERS)
def test_figure_text_is_at_least_9_px_at_1280_px(page_name, reader):
    """Every figure a cell draws, as shown in a 1280 px window.

    SVG (Matplotlib, svg.fonttype "path"): each text's size is read from the file (tools/browser.py,
    svg_text_sizes; no font of the machine is involved) and scaled by the image's shown width over the
    SVG's viewBox width; the smallest must be at least 9 CSS px.
    PNG: its text cannot be read, so a PNG figure fails if it is wider than the column (and so shown
    shrunk, text and all), unless its cell is tagged `figure-without-text`.
    """
    figures = reader(f"{page_name}.html", "desktop").page.evaluate(FIGURES)
    problems = []
    for figure in figures:
        name = f"{Path(urlsplit(figure['src']).path).name} ({figure['alt']!r})"
        if figure["src"].lower().endswith(".svg"):
            view_width, sizes = browser.svg_text_sizes(site_file(figure["src"]).read_text())
            if sizes:
                smallest = min(sizes) * figure["shown"] / view_width
                if smallest < SMALLEST_PX:
                    problems.append(f"{name}: smallest text {smallest:.1f} px (it is {min(sizes):g} pt in a "
                                    f"{view_width / 72:.2f} in wide figure shown {figure['shown']:.0f} px wide)")
        elif figure["declared"] > figure["column"] + 1 and not figure["noText"]:
            problems.append(f"{name}: a PNG {figure['declared']} px wide in a {figure['column']} px column "
                            "(use SVG: plots.use_book_style())")
    assert not problems, f"{page_name}: figure text too small at 1280 px:\n" + "\n".join(problems)


CODE = "main .cell_input pre, main .solution pre, main div[class*='highlight-'] pre"


@pytest.mark.parametrize("page_name", CHAPTERS)
def test_no_code_block_scrolls_sideways_at_1280_px(page_name, reader):
    """Code cells and code blocks (solutions' too, opened first) fit the column: the site ships its
    own monospace font, so this holds on every machine. (What cells print is not code: left out.)"""
    page = reader(f"{page_name}.html", "desktop").page
    page.evaluate("""() => {
        document.querySelectorAll("main details").forEach((d) => { d.open = true; });
        document.querySelectorAll("main .toggle-hidden, main .dropdown .toggle-hidden")
            .forEach((e) => e.classList.remove("toggle-hidden"));
    }""")
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    wide = page.evaluate(f"""() => [...document.querySelectorAll("{CODE}")]
        .filter((pre) => !pre.closest(".cell_output") && pre.clientWidth > 0 && pre.scrollWidth > pre.clientWidth)
        .map((pre) => `${{pre.scrollWidth - pre.clientWidth}} px too wide: `
                      + pre.textContent.split("\\n").reduce((a, b) => (b.length > a.length ? b : a), ""))""")
    assert not wide, f"{page_name}: code that scrolls sideways at 1280 px:\n" + "\n".join(wide)


OVERFLOWING_TABLES = """() => [...document.querySelectorAll("main table")].map((table) => {
    let box = table.parentElement;
    while (box && box.tagName !== "MAIN" && !/auto|scroll/.test(getComputedStyle(box).overflowX)) {
        box = box.parentElement;
    }
    const frame = box && box.parentElement;
    const hint = frame && frame.classList.contains("gencnn-table-frame") ? frame.previousElementSibling : null;
    const shown = (e) => !!e && e.checkVisibility() && e.getBoundingClientRect().height > 0;
    return {
        overflows: !!box && box.tagName !== "MAIN" && box.scrollWidth > box.clientWidth,
        hint: shown(hint) && hint.classList.contains("gencnn-scroll-hint") ? hint.textContent.trim() : null,
        shadow: !!frame && frame.classList.contains("gencnn-more-right")
            && getComputedStyle(frame, "::after").opacity === "1",
        head: table.rows[0] ? table.rows[0].textContent.trim().replace(/\\s+/g, " ").slice(0, 50) : "",
    };
})"""


@pytest.mark.parametrize("page_name", PAGES)
def test_a_table_that_overflows_a_phone_says_it_scrolls(page_name, reader):
    """At 390 px a table wider than the column scrolls in its own box; the reader must see that there
    is more: a line above it ("Scroll sideways for more columns") and a shadow at the cut edge. A table
    that fits shows neither."""
    page = reader(f"{page_name}.html", "phone").page
    # the shadow fades in (a CSS transition): read it once every animation has finished
    page.wait_for_function("document.getAnimations().every((a) => a.playState !== 'running')")
    tables = page.evaluate(OVERFLOWING_TABLES)
    for table in tables:
        if table["overflows"]:
            assert table["hint"] and "scroll sideways" in table["hint"].lower(), f"{page_name}: no hint: {table}"
            assert table["shadow"], f"{page_name}: no shadow at the cut edge: {table}"
        else:
            assert table["hint"] is None and not table["shadow"], f"{page_name}: a hint on a table that fits: {table}"


def test_the_labs_table_hint_follows_the_width_and_the_scroll(reader):
    page = reader("book/labs.html", "phone").page
    tables = page.evaluate(OVERFLOWING_TABLES)
    assert tables and tables[0]["overflows"] and tables[0]["hint"], "the Labs table should overflow a phone"
    page.evaluate("""() => { const box = document.querySelector(".gencnn-table-frame > *");
                             box.scrollLeft = box.scrollWidth; }""")
    page.wait_for_function("document.querySelector('.gencnn-table-frame').classList.contains('gencnn-more-left')"
                           " && !document.querySelector('.gencnn-table-frame').classList.contains('gencnn-more-right')")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.wait_for_function("document.querySelector('.gencnn-scroll-hint').hidden")
    assert not page.evaluate(OVERFLOWING_TABLES)[0]["overflows"]


def test_a_figure_opens_at_full_size_by_mouse_and_by_keyboard(reader):
    visit = reader(f"{CHAPTERS[0]}.html", "desktop")
    page = visit.page
    link = page.locator("main .cell_output a.gencnn-enlarge").first
    image = link.locator("img")
    src = image.evaluate("(img) => img.src")
    assert link.evaluate("(a) => a.href") == src, "the link should lead to the figure's own file"
    dialog = page.locator("dialog.gencnn-figure-dialog")
    link.click()
    assert dialog.evaluate("(d) => d.open")
    assert dialog.locator("img").evaluate("(img) => img.src") == src
    shown = dialog.locator("img").evaluate("(img) => img.getBoundingClientRect().width")
    assert shown > image.evaluate("(img) => img.getBoundingClientRect().width"), "the figure should be larger"
    violations = serious_violations(page)
    assert not violations, "with the figure open, axe-core found\n" + "\n".join(violations)
    page.keyboard.press("Escape")
    assert not dialog.evaluate("(d) => d.open")
    link.focus()
    page.keyboard.press("Enter")
    assert dialog.evaluate("(d) => d.open"), "Enter on the focused link should open the figure"
    assert page.evaluate("document.activeElement.textContent") == "Close"
    page.keyboard.press("Enter")  # the focused Close button
    assert not dialog.evaluate("(d) => d.open")
    assert not visit.problems(), "; ".join(visit.problems())


def fake_screenshot(path: Path, width: int, height: int, colour) -> None:
    Image.new("RGB", (width, height), colour).save(path)


def test_contact_sheet_shows_every_page_at_both_widths(tmp_path):
    fake_screenshot(tmp_path / "intro-desktop.png", 1280, 3000, (255, 0, 0))
    fake_screenshot(tmp_path / "intro-phone.png", 390, 5000, (0, 0, 255))
    fake_screenshot(tmp_path / "book_labs-desktop.png", 1280, 400, (0, 255, 0))  # shorter than the crop
    fake_screenshot(tmp_path / "book_labs-phone.png", 390, 900, (0, 255, 0))
    fake_screenshot(tmp_path / "book_01_x-desktop.png", 1280, 900, (0, 0, 0))  # its phone shot is missing
    (tmp_path / "notes.png").write_bytes(b"not a screenshot")  # ignored: not <page>-<view>.png
    assert set(contact_sheet.screenshots(tmp_path)) == {"intro", "book_labs", "book_01_x"}
    out = contact_sheet.make_contact_sheet(tmp_path, order=["intro", "book_labs"])
    assert out == tmp_path / "contact-sheet.png"
    with Image.open(out) as sheet:
        sheet = sheet.convert("RGB")
        desktop_w = round(1280 * contact_sheet.THUMB_HEIGHT / 800)
        tile = desktop_w + contact_sheet.GAP + round(390 * contact_sheet.THUMB_HEIGHT / 844)
        assert sheet.width == contact_sheet.GAP + 3 * (tile + contact_sheet.GAP)
        top = contact_sheet.GAP + contact_sheet.LABEL_HEIGHT + contact_sheet.THUMB_HEIGHT // 2
        x = contact_sheet.GAP
        assert sheet.getpixel((x + 20, top)) == (255, 0, 0)  # intro first, as ordered: desktop...
        assert sheet.getpixel((x + desktop_w + contact_sheet.GAP + 20, top)) == (0, 0, 255)  # ...and phone
        x += tile + contact_sheet.GAP
        assert sheet.getpixel((x + 20, contact_sheet.GAP + contact_sheet.LABEL_HEIGHT + 10)) == (0, 255, 0)
        assert sheet.getpixel((x + 20, top + 60)) == (255, 255, 255)  # below the short page: white
        x += tile + contact_sheet.GAP
        assert sheet.getpixel((x + 20, top)) == (0, 0, 0)
        missing = sheet.getpixel((x + desktop_w + contact_sheet.GAP + 40, top + 60))
        assert missing == (200, 200, 200), "a missing screenshot is a grey box"
        label = sheet.crop((contact_sheet.GAP, contact_sheet.GAP, contact_sheet.GAP + 200,
                            contact_sheet.GAP + contact_sheet.LABEL_HEIGHT))
        assert label.convert("L").getextrema()[0] < 100, "each tile is labelled with its page's name"
    with pytest.raises(ValueError, match="holds no screenshots"):
        contact_sheet.make_contact_sheet(tmp_path / "empty")


def test_whole_pages_sheet_shows_each_page_top_to_bottom(tmp_path):
    top, bottom = (255, 0, 0), (0, 0, 255)
    tall = Image.new("RGB", (1280, 6400), top)
    tall.paste(bottom, (0, 3200, 1280, 6400))  # the page's lower half is blue
    tall.save(tmp_path / "book_02_y-desktop.png")
    fake_screenshot(tmp_path / "intro-desktop.png", 1280, 640, (0, 255, 0))
    fake_screenshot(tmp_path / "book_03_z-phone.png", 390, 900, (0, 0, 0))  # no desktop shot
    out = contact_sheet.make_whole_pages_sheet(tmp_path, order=["intro"])
    assert out == tmp_path / "whole-pages.png"
    column, gap = contact_sheet.WHOLE_PAGE_WIDTH, contact_sheet.GAP
    y0 = gap + contact_sheet.LABEL_HEIGHT
    with Image.open(out) as sheet:
        sheet = sheet.convert("RGB")
        assert sheet.width == gap + 3 * (column + gap)
        assert sheet.height == y0 + 6400 * column // 1280 + gap, "the tallest page whole, scaled"
        assert sheet.getpixel((gap + 20, y0 + 10)) == (0, 255, 0)  # intro first, as ordered
        x = gap + column + gap
        assert sheet.getpixel((x + 20, y0 + 10)) == top
        assert sheet.getpixel((x + 20, sheet.height - gap - 10)) == bottom, "down to the page's end"
        x += column + gap
        assert sheet.getpixel((x + 60, y0 + 60)) == (200, 200, 200), "a missing screenshot is a grey box"
        label = sheet.crop((gap, gap, gap + column, y0))
        assert label.convert("L").getextrema()[0] < 100, "each column is labelled with its page's name"

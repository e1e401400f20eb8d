"""One image of every page of the built book: `_build/screenshots/contact-sheet.png` and `whole-pages.png`.

The browser tests (tests/browser/test_site.py) save a full-page screenshot of each page at desktop and
phone width as `<page>-desktop.png` and `<page>-phone.png`. The contact sheet shows, for each page, the
top of both side by side under the page's name, so one look finds a page whose layout broke; the
whole-pages sheet shows every page's desktop screenshot from top to bottom, narrow columns side by
side, so one look shows where each page's figures, widgets and tables sit. The browser tests'
session-finish hook (tests/browser/conftest.py) makes both; or run `python tools/contact_sheet.py [folder]`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "_build" / "screenshots"
SHEET_NAME = "contact-sheet.png"
WHOLE_PAGES_NAME = "whole-pages.png"
WHOLE_PAGE_WIDTH = 200  # px per page column of the whole-pages sheet (a 1280-px page at 1/6.4)
VIEWS = {"desktop": (1280, 800), "phone": (390, 844)}  # the top part of each page that is shown, in px
THUMB_HEIGHT = 240
LABEL_HEIGHT = 28
GAP = 12
COLUMNS = 3
BACKGROUND = (235, 235, 235)


def screenshots(folder: Path) -> dict[str, dict[str, Path]]:
    """page name -> {"desktop": file, "phone": file} for the screenshots in `folder` (either may be missing)."""
    found: dict[str, dict[str, Path]] = {}
    for file in sorted(folder.glob("*.png")):
        page, _, view = file.stem.rpartition("-")
        if page and view in VIEWS:
            found.setdefault(page, {})[view] = file
    return found


def thumbnail(file: Path | None, view: str) -> Image.Image:
    """The top of a screenshot scaled to THUMB_HEIGHT, or a grey box saying it is missing."""
    crop_width, crop_height = VIEWS[view]
    width = round(crop_width * THUMB_HEIGHT / crop_height)
    if file is None:
        return _missing(width, THUMB_HEIGHT, f"no {view} screenshot")
    with Image.open(file) as shot:
        top = shot.crop((0, 0, min(shot.width, crop_width), min(shot.height, crop_height))).convert("RGB")
    page = Image.new("RGB", (crop_width, crop_height), (255, 255, 255))  # a short page keeps its place
    page.paste(top, (0, 0))
    return page.resize((width, THUMB_HEIGHT), Image.LANCZOS)


def _missing(width: int, height: int, text: str) -> Image.Image:
    """A grey box saying which screenshot is missing."""
    box = Image.new("RGB", (width, height), (200, 200, 200))
    ImageDraw.Draw(box).text((8, 8), text, fill=(0, 0, 0), font=_font(14))
    return box


def _font(size: int):
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow before 10.1: one small bitmap font
        return ImageFont.load_default()


def _ordered_pages(folder: Path, order: list[str] | None) -> tuple[dict[str, dict[str, Path]], list[str]]:
    """The screenshots in `folder` and their pages, those in `order` first, then the rest by name."""
    shots = screenshots(folder)
    if not shots:
        raise ValueError(f"{folder} holds no screenshots named <page>-desktop.png or <page>-phone.png")
    ranked = [name for name in order or [] if name in shots]
    return shots, ranked + sorted(set(shots) - set(ranked))


def _save(sheet: Image.Image, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(suffix=".png", dir=out.parent)
    os.close(handle)
    sheet.save(temporary)
    os.replace(temporary, out)  # readers (and a parallel writer) never see half a file
    return out


def make_contact_sheet(folder: Path = SCREENSHOTS, out: Path | None = None, order: list[str] | None = None) -> Path:
    """Write the contact sheet (the top of each page at both widths) of the screenshots in `folder` and
    return its path. ValueError if the folder holds no page screenshots."""
    folder = Path(folder)
    shots, pages = _ordered_pages(folder, order)
    tile_width = sum(round(w * THUMB_HEIGHT / h) for w, h in VIEWS.values()) + GAP * (len(VIEWS) - 1)
    tile_height = LABEL_HEIGHT + THUMB_HEIGHT
    columns = min(COLUMNS, len(pages))
    rows = -(-len(pages) // columns)
    sheet = Image.new("RGB", (GAP + columns * (tile_width + GAP), GAP + rows * (tile_height + GAP)), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    font = _font(16)
    for index, page in enumerate(pages):
        x = GAP + (index % columns) * (tile_width + GAP)
        y = GAP + (index // columns) * (tile_height + GAP)
        draw.text((x, y + 4), page, fill=(0, 0, 0), font=font)
        for view in VIEWS:
            thumb = thumbnail(shots[page].get(view), view)
            sheet.paste(thumb, (x, y + LABEL_HEIGHT))
            draw.rectangle((x, y + LABEL_HEIGHT, x + thumb.width - 1, y + tile_height - 1), outline=(120, 120, 120))
            x += thumb.width + GAP
    return _save(sheet, Path(out) if out else folder / SHEET_NAME)


def make_whole_pages_sheet(folder: Path = SCREENSHOTS, out: Path | None = None,
                           order: list[str] | None = None) -> Path:
    """Write every page's desktop screenshot, whole, scaled to WHOLE_PAGE_WIDTH and set side by side
    under its name; return the path. A page without a desktop screenshot gets a grey column saying so."""
    folder = Path(folder)
    shots, pages = _ordered_pages(folder, order)
    columns = []
    for page in pages:
        file = shots[page].get("desktop")
        if file is None:
            column = _missing(WHOLE_PAGE_WIDTH, THUMB_HEIGHT, "no desktop\nscreenshot")
        else:
            with Image.open(file) as shot:
                height = round(shot.height * WHOLE_PAGE_WIDTH / shot.width)
                column = shot.convert("RGB").resize((WHOLE_PAGE_WIDTH, height), Image.LANCZOS)
        columns.append(column)
    width = GAP + len(pages) * (WHOLE_PAGE_WIDTH + GAP)
    height = GAP + LABEL_HEIGHT + max(column.height for column in columns) + GAP
    sheet = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    font = _font(12)
    for index, (page, column) in enumerate(zip(pages, columns)):
        x = GAP + index * (WHOLE_PAGE_WIDTH + GAP)
        draw.text((x, GAP + 4), page.removeprefix("book_"), fill=(0, 0, 0), font=font)
        sheet.paste(column, (x, GAP + LABEL_HEIGHT))
    return _save(sheet, Path(out) if out else folder / WHOLE_PAGES_NAME)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=SCREENSHOTS)
    args = parser.parse_args(argv)
    try:
        print(make_contact_sheet(args.folder))
        print(make_whole_pages_sheet(args.folder))
    except ValueError as err:
        print(err, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

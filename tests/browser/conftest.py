"""Fixtures of the browser tests: the built site served locally and Chromium with the CDN served offline.

These tests are marked `browser` and left out of a plain `pytest`; `make test` runs them after the
book is built (`pytest -m browser`). When they finish, the screenshots they took are gathered into one
contact sheet, _build/screenshots/contact-sheet.png, and one of the whole pages, whole-pages.png
(tools/contact_sheet.py).
"""

import fcntl
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import browser  # noqa: E402  (tools/browser.py)
import contact_sheet  # noqa: E402  (tools/contact_sheet.py)


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


def pytest_sessionfinish(session):
    """Make the contact sheets of the screenshots. Under pytest-xdist only the workers load this file, so
    each worker remakes the sheet when it finishes, one at a time (a lock file): the last one sees every
    worker's screenshots."""
    here = Path(__file__).parent
    if not any(here in Path(item.fspath).parents for item in getattr(session, "items", [])):
        return  # no browser test was selected (a plain `pytest` loads this file too)
    folder = contact_sheet.SCREENSHOTS
    if not any(folder.glob("*-desktop.png")) and not any(folder.glob("*-phone.png")):
        return
    import yaml

    toc = yaml.safe_load((browser.ROOT / "_toc.yml").read_text())
    pages = [toc["root"], *(chapter["file"] for part in toc["parts"] for chapter in part["chapters"])]
    with open(folder / ".contact-sheet.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        order = [page.replace("/", "_") for page in pages]
        contact_sheet.make_contact_sheet(folder, order=order)
        contact_sheet.make_whole_pages_sheet(folder, order=order)


@pytest.fixture(scope="session")
def site():
    with browser.Server() as server:
        yield server.url


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = browser.launch(playwright)
        yield instance
        instance.close()


VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture
def visit(chromium, site):
    """open(path, viewport="desktop") loads a page of the built book and returns its Visit (page + recorded
    problems); each viewport ("phone" or "desktop") gets its own browser context."""
    contexts = {}

    def open_path(path, viewport="desktop"):
        if viewport not in contexts:
            contexts[viewport] = chromium.new_context(viewport=VIEWPORTS[viewport])
        visit = browser.open_page(contexts[viewport], site)
        visit.page.goto(site + path, wait_until="load")
        return visit

    yield open_path
    for context in contexts.values():
        context.close()


@pytest.fixture
def reader(visit):
    """open(path, viewport) loads a page at that viewport and waits for it to settle (browser.settle)."""

    def open_page(path, viewport):
        page_visit = visit(path, viewport)
        browser.settle(page_visit.page)
        return page_visit

    return open_page

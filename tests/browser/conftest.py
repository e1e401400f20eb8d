"""Fixtures of the browser tests: the built site served locally and Chromium with the CDN served offline.

These tests are marked `browser` and left out of a plain `pytest`; `make test` runs them after the
book is built (`pytest -m browser`).
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import browser  # noqa: E402  (tools/browser.py)


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


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

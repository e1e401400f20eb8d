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


@pytest.fixture
def visit(chromium, site):
    """open(path) loads a page of the built book and returns its Visit (page + recorded problems)."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})

    def open_path(path):
        visit = browser.open_page(context, site)
        visit.page.goto(site + path, wait_until="load")
        return visit

    yield open_path
    context.close()

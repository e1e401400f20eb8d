"""Headless Chromium on the built book, offline: the harness of the browser tests and the widget benchmark.

The built pages load scripts from the jsDelivr CDN (widgets, MathJax). Here every such request is
answered from node_modules/ (npm packages pinned in package-lock.json) after checking that the local
version satisfies the version the page asks for; any other request off the local server is blocked
and recorded, so a page that only works online fails its test.
"""

from __future__ import annotations

import functools
import http.server
import json
import mimetypes
import os
import re
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "html"
NODE_MODULES = ROOT / "node_modules"
CDN = "https://cdn.jsdelivr.net/npm/"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("GENCNN_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise RuntimeError(f"no Chromium at {path}; `make test` installs Debian's chromium, or set GENCNN_CHROMIUM")
    return path


def version_satisfies(version: str, wanted: str) -> bool:
    """The CDN version forms the pages use: exact '1.0.15', '~0.11.*' (same minor) and '3' (same major)."""
    if wanted.startswith("~") and wanted.endswith(".*"):
        return version.split(".")[:2] == wanted[1:-2].split(".")
    if re.fullmatch(r"\d+", wanted):
        return version.split(".")[0] == wanted
    return version == wanted


def local_copy(url: str) -> Path:
    """The node_modules file standing in for a jsDelivr npm URL; LookupError if there is none or its version differs."""
    match = re.fullmatch(r"((?:@[^/]+/)?[^/@]+)@([^/]+)/(.+)", url[len(CDN):].split("?")[0])
    if not match:
        raise LookupError(f"not an npm file URL: {url}")
    package, wanted, path = match.groups()
    manifest = NODE_MODULES / package / "package.json"
    if not manifest.exists():
        raise LookupError(f"{package} is not in node_modules (run `npm ci`), wanted by {url}")
    version = json.loads(manifest.read_text())["version"]
    if not version_satisfies(version, wanted):
        raise LookupError(f"node_modules has {package} {version}, the page wants {wanted} ({url})")
    file = NODE_MODULES / package / path
    if not file.is_file():
        raise LookupError(f"{package} {version} has no file {path} ({url})")
    return file


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@dataclass
class Server:
    """The built site (or any folder) on a free localhost port, in a background thread."""

    folder: Path = SITE

    def __enter__(self):
        if not (self.folder / "index.html").exists() and self.folder == SITE:
            raise RuntimeError(f"{self.folder} has no built book; run `make book` first")
        handler = functools.partial(_QuietHandler, directory=str(self.folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


@dataclass
class Visit:
    """One page's problems as a reader's browser would meet them."""

    page: object
    console_errors: list = field(default_factory=list)
    blocked: list = field(default_factory=list)
    failed: list = field(default_factory=list)

    def problems(self) -> list[str]:
        return ([f"console error: {e}" for e in self.console_errors] + [f"blocked: {b}" for b in self.blocked]
                + [f"failed request: {f}" for f in self.failed])


def open_page(context, site_url: str) -> Visit:
    """A new page in `context` whose requests are answered offline and whose errors are recorded."""
    page = context.new_page()
    visit = Visit(page)

    def route(request_route, request):
        url = request.url
        if url.startswith(site_url) or url.startswith(("data:", "blob:")):
            return request_route.continue_()
        if url.startswith(CDN):
            try:
                file = local_copy(url)
            except LookupError as err:
                visit.blocked.append(str(err))
                return request_route.abort()
            content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            return request_route.fulfill(path=str(file), content_type=content_type,
                                         headers={"Access-Control-Allow-Origin": "*"})
        visit.blocked.append(url)
        return request_route.abort()

    page.route("**/*", route)
    page.on("console", lambda message: message.type == "error" and visit.console_errors.append(message.text))
    page.on("pageerror", lambda error: visit.console_errors.append(str(error)))
    page.on("requestfailed", lambda request: visit.failed.append(f"{request.url} ({request.failure})"))
    page.on("response", lambda reply: reply.status >= 400 and visit.failed.append(f"{reply.url} ({reply.status})"))
    return visit


def launch(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)


# Matplotlib draws each text of an SVG figure (svg.fonttype "path") as a group of glyph outlines, placed
# by `translate(x y) [rotate(a)] scale(s -s)`: the outlines are stored at 100 units an em
# (matplotlib.textpath.TextToPath.FONT_SCALE), so the text's size in the SVG's user units is s * 100.
# Each glyph inside is drawn with its own `scale(k)`: 1 for plain text, less for a formula's sub- and
# superscripts, whose size is then s * 100 * k.
_TEXT_SCALE = re.compile(r"scale\(\s*([-+0-9.eE]+)[\s,]+-([-+0-9.eE]+)\s*\)")
_GLYPH_SCALE = re.compile(r"scale\(\s*([-+0-9.eE]+)\s*\)")
_EM_UNITS = 100


def svg_text_sizes(svg: str) -> tuple[float, list[float]]:
    """The SVG's viewBox width and the size of each text Matplotlib drew in it, in the SVG's user units
    (points, for Matplotlib's figures). Read from the file, so no font of the machine is involved."""
    from xml.etree import ElementTree

    root = ElementTree.fromstring(svg)
    view_box = root.get("viewBox")
    if not view_box:
        raise ValueError("the SVG has no viewBox, so its displayed scale is unknown")
    width = float(view_box.replace(",", " ").split()[2])
    sizes = []
    for group in root.iter("{http://www.w3.org/2000/svg}g"):
        match = _TEXT_SCALE.search(group.get("transform", ""))
        if not match or abs(float(match[1]) - float(match[2])) > 1e-9 * abs(float(match[1])):
            continue
        glyph_scales = [float(m[1]) for use in group.iter("{http://www.w3.org/2000/svg}use")
                        for m in [_GLYPH_SCALE.search(use.get("transform", "").split("translate")[-1])] if m]
        sizes.append(float(match[1]) * _EM_UNITS * min(glyph_scales, default=1.0))
    return width, sizes


def settle(page) -> None:
    """Wait until the book's fonts have loaded, MathJax (if the page uses it) has typeset and the widgets
    (if any) have rendered, and the page's scripts have reacted to the changes (two animation frames)."""
    page.evaluate("document.fonts.ready.then(() => null)")
    page.wait_for_function("!window.MathJax || (window.MathJax.startup && window.MathJax.startup.promise)")
    page.evaluate("window.MathJax ? window.MathJax.startup.promise : null")
    widgets = page.locator("script[type='application/vnd.jupyter.widget-view+json']").count()
    if widgets:
        page.wait_for_function(f"document.querySelectorAll('.gencnn-widget').length >= {widgets}", timeout=30_000)
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")

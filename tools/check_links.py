"""Check every internal link and anchor of the built site, offline: `python tools/check_links.py [site folder]`.

Every href and src in every HTML page that points inside the site must name a file that exists, and a
#fragment must name an id (or a name) in that file. Links off the site (http, mailto, ...) are left to
`make linkcheck`, which needs the network. Exits 1 and lists the broken links if there are any.
"""

from __future__ import annotations

import sys
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

SITE = Path(__file__).resolve().parent.parent / "_build" / "html"


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.anchors: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(name):
                self.anchors.add(attrs[name])
        for name in ("href", "src"):
            if attrs.get(name) and not (tag == "link" and attrs.get("rel") in ("preconnect", "dns-prefetch")):
                self.links.append(attrs[name])


@cache
def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(errors="replace"))
    return page


def pages(site: Path) -> list[Path]:
    """The site's pages; _static/ holds the theme's template fragments, which are not pages."""
    return sorted(path for path in site.rglob("*.html") if "_static" not in path.relative_to(site).parts)


def broken_links(site: Path) -> list[str]:
    problems = []
    for page_path in pages(site):
        for link in parse(page_path).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("#!", "javascript:")):
                continue  # off the site, or not a location
            target = (page_path.parent / unquote(parts.path)).resolve() if parts.path else page_path
            if target.is_dir():
                target = target / "index.html"
            where = f"{page_path.relative_to(site)}: {link}"
            if site.resolve() not in target.parents and target != site.resolve():
                problems.append(f"{where} leaves the site")
            elif not target.is_file():
                problems.append(f"{where} -> no file {target.relative_to(site.resolve())}")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in parse(target).anchors:
                problems.append(f"{where} -> no anchor #{parts.fragment} in {target.relative_to(site.resolve())}")
    return problems


def main() -> int:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else SITE
    if not (site / "index.html").is_file():
        sys.exit(f"{site} has no built site; run `make book` first")
    problems = broken_links(site)
    for problem in problems:
        print(problem)
    print(f"{len(pages(site))} pages checked, {len(problems)} broken internal links")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

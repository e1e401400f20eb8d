"""tools/check_links.py finds broken internal links and anchors, and passes good ones."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import check_links  # noqa: E402


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_reports_missing_files_and_anchors(tmp_path):
    write(tmp_path / "index.html", '<a href="book/a.html#part">ok</a> <a href="book/gone.html">gone</a>'
          '<img src="img/x.png"> <a href="https://example.org/nowhere">external</a>')
    write(tmp_path / "book" / "a.html", '<h2 id="part">Part</h2> <a href="a.html#nope">bad anchor</a>'
          '<a href="#part">same page</a> <a href="../index.html">home</a> <a href="../../outside.html">out</a>')
    write(tmp_path / "_static" / "macros.html", "<a href=\"{{ pathto('x') }}\">a template, not a page</a>")
    problems = check_links.broken_links(tmp_path)
    assert problems == [
        "book/a.html: a.html#nope -> no anchor #nope in book/a.html",
        "book/a.html: ../../outside.html leaves the site",
        "index.html: book/gone.html -> no file book/gone.html",
        "index.html: img/x.png -> no file img/x.png",
    ]


def test_a_sound_site_passes(tmp_path):
    write(tmp_path / "index.html", '<a href="book/">folder</a> <a href="book/index.html#top">top</a>')
    write(tmp_path / "book" / "index.html", '<div id="top"></div>')
    assert check_links.broken_links(tmp_path) == []

"""Sphinx extension: re-read the bibliography page whenever any page is re-read.

sphinxcontrib-bibtex builds the reference list while reading the page that holds the
{bibliography} directive. In an incremental build where only a chapter changed (say, a new
citation), that page would keep its old list and the build fails with a KeyError on the new key.
"""

BIBLIOGRAPHY_PAGE = "book/references"


def _bibliography_outdated(app, env, added, changed, removed):
    return [BIBLIOGRAPHY_PAGE] if (added or changed or removed) else []


def setup(app):
    app.connect("env-get-outdated", _bibliography_outdated)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

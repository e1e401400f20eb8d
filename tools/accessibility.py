"""Sphinx extension: mend the markup that axe-core flags in every page's body (the site tests run axe).

- myst-nb's collapsible code cells label their <summary> "Toggle hidden content", which hides the
  visible text ("Show code cell source") from assistive technology; without the label the text names it.
- docutils marks the citation list role="list" though its entries are not list items.
"""

REPLACEMENTS = {
    '<summary aria-label="Toggle hidden content">': "<summary>",
    '<div role="list" class="citation-list">': '<div class="citation-list">',
}


def _mend_body(app, pagename, templatename, context, doctree):
    body = context.get("body")
    if body:
        for old, new in REPLACEMENTS.items():
            body = body.replace(old, new)
        context["body"] = body


def setup(app):
    app.connect("html-page-context", _mend_body)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""Sphinx extension: correct the list of scripts each built page loads.

- Keep one copy of each script. sphinx-thebe registers its inline configuration twice under Jupyter
  Book, and the second `const THEBE_JS_URL` is a console error on every page.
- On pages with widgets, tell RequireJS where the widget manager (embed-amd.js) lives. The manager finds
  its fonts next to its own module's address, which RequireJS otherwise resolves against the page's
  folder: every font request was a 404.
"""

import json

WIDGET_MANAGER = "/dist/embed-amd.js"


def _fix_scripts(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if not scripts:
        return
    unique, seen = [], set()
    for script in scripts:
        key = (script.filename or "", json.dumps(script.attributes, sort_keys=True))  # inline: None or ""
        if key not in seen:
            seen.add(key)
            unique.append(script)
    manager = next((s for s in unique if str(s.filename).endswith(WIDGET_MANAGER)), None)
    if manager is not None:
        folder = str(manager.filename)[: -len("/embed-amd.js")]
        paths = {"@jupyter-widgets/html-manager/dist": folder}
        setting = type(manager)(None, priority=1, body=f"var require = {json.dumps({'paths': paths})};")
        unique.append(setting)  # priority 1 puts it first: RequireJS takes a global `require` as its configuration
    scripts[:] = unique


def setup(app):
    app.connect("html-page-context", _fix_scripts, priority=900)  # after myst-nb has added the widget scripts
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""Write the network view as one self-contained HTML page that works offline.

The page is our own small template (``templates/``) with vis-network's
standalone script inlined from the pyvis package: pyvis's own template links
a CDN and switches tooltips to innerHTML, so only its copy of vis-network is
used. Article text goes into the page as JSON inside a non-executed
``<script type="application/json">`` block with ``<``, ``>`` and ``&``
escaped, so no text can close the element; the page's JavaScript shows it
with textContent. A Content-Security-Policy allows only the page's own two
scripts (by hash) and forbids every fetch, so even a mistake cannot make the
page reach the network.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..atomic import write_atomically
from ..errors import GraphError
from .model import NetworkView
from .pagedata import MAX_QUOTES, event_colour, page_data  # noqa: F401  (re-exported)

VIS_PACKAGE = "pyvis"
VIS_PATH = ("templates", "lib", "vis-9.1.2", "vis-network.min.js")

# The page's script, in the order its parts are joined into one function
# scope (each file reads whole; they share the data, the state and helpers).
SCRIPT_PARTS = ("core.js", "labels.js", "groups.js", "timeline.js", "panel.js", "main.js")


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """vis-network's standalone script, read from the installed pyvis package."""
    try:
        node = resources.files(VIS_PACKAGE).joinpath(*VIS_PATH)
        return node.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        where = "/".join((VIS_PACKAGE, *VIS_PATH))
        raise GraphError(f"vis-network is missing (expected {where}): reinstall pyvis 0.3.2") from None


def _template(name: str) -> str:
    return resources.files(__package__).joinpath("templates", name).read_text(encoding="utf-8")


def script_safe(code: str) -> str:
    """JavaScript that cannot end its <script> element early."""
    return re.sub(r"<(/script|!--)", r"<\\\1", code, flags=re.IGNORECASE)


def json_for_script(data: object) -> str:
    """JSON to embed in HTML: ``<``, ``>`` and ``&`` as \\u escapes, so ``</script>`` in text stays text."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _csp(*scripts: str) -> str:
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") + "'" for s in scripts
    )
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data: blob:; "
        "connect-src 'none'; font-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


def page_script() -> str:
    """The page's own script: its parts joined inside one strict-mode function."""
    parts = [f"/* ---- {name} ---- */\n" + _template(name) for name in SCRIPT_PARTS]
    return "(function () {\n\"use strict\";\n" + "\n".join(parts) + "\n})();\n"


def render_html(view: NetworkView, *, title: str = "newsgraph", positions=None) -> str:
    """The whole page as a string."""
    vis_js = script_safe(vis_network_js())
    app_js = script_safe(page_script())
    parts = {
        "CSP": html.escape(_csp(vis_js, app_js)),
        "TITLE": html.escape(title),
        "CSS": _template("page.css").replace("</", "<\\/"),
        "DATA": json_for_script(page_data(view, positions)),
        "VIS": vis_js,
        "APP": app_js,
    }
    # One pass, so that text inserted for one marker is never scanned for another.
    return re.sub(r"\{\{([A-Z]+)\}\}", lambda m: parts[m.group(1)], _template("page.html"))


def render_page(view: NetworkView, out: Path, *, title: str = "newsgraph", positions=None) -> Path:
    """Write the page for ``view`` to ``out`` (UTF-8), creating its folder."""
    out = Path(out)
    text = render_html(view, title=title, positions=positions)
    try:
        write_atomically(out, text.encode("utf-8"))
    except OSError as error:
        raise GraphError(f"cannot write the page to '{out}': {error.strerror or error}") from None
    return out

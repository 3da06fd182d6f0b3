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
from .model import ENTITY_TYPES, NetworkView, Quote, Source

VIS_PACKAGE = "pyvis"
VIS_PATH = ("templates", "lib", "vis-9.1.2", "vis-network.min.js")

# How many sentences a node or edge carries into the page: the panel is for
# reading, and a hub mentioned in thousands of sentences would bloat the file.
MAX_QUOTES = 40

ENTITY_STYLES = {
    # shape for vis-network, fill, border, CSS class of the legend swatch
    "Person": ("dot", "#4e79a7", "#2f4b6e", "dot"),
    "Organisation": ("square", "#f28e2b", "#a85d15", "square"),
    "State": ("diamond", "#59a14f", "#3a6b33", "diamond"),
    "Place": ("triangle", "#9c755f", "#6a4e3e", "triangle"),
}
TYPE_NAMES = {"Person": "people", "Organisation": "organisations", "State": "states", "Place": "places"}
TYPE_SINGULAR = {"Person": "person", "Organisation": "organisation", "State": "state", "Place": "place"}
KIND_STYLES = {"role": "#8a8f98", "place": "#b79a86"}
KIND_NAMES = {"role": "roles", "place": "event places"}
# The sixteen PLOVER types: cooperation in blues and greens, conflict in reds,
# oranges and purples, so the colour alone tells the tenor of an edge.
EVENT_COLOURS = {
    "AGREE": "#2a9d8f", "CONSULT": "#1f77b4", "SUPPORT": "#17a2b8", "CONCEDE": "#7f9c2a",
    "COOPERATE": "#2ca02c", "AID": "#4daf4a", "RETREAT": "#6b8e23", "REQUEST": "#6a5acd",
    "ACCUSE": "#e377c2", "REJECT": "#9467bd", "THREATEN": "#ff7f0e", "PROTEST": "#e15759",
    "SANCTION": "#ad494a", "MOBILIZE": "#d4a017", "COERCE": "#843c39", "ASSAULT": "#d62728",
}
SPARE_COLOURS = ("#17becf", "#bcbd22", "#8c564b", "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#7b4173")


def event_colour(code: str) -> str:
    """A stable colour per PLOVER type, also for types not in the table."""
    if code in EVENT_COLOURS:
        return EVENT_COLOURS[code]
    return SPARE_COLOURS[int(hashlib.sha1(code.encode("utf-8")).hexdigest(), 16) % len(SPARE_COLOURS)]


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


class _Tables:
    """Sources and sentences stored once and referred to by index."""

    def __init__(self) -> None:
        self.sources: list[dict] = []
        self.quotes: list[dict] = []
        self._source_index: dict[str, int] = {}
        self._quote_index: dict[str, int] = {}

    def source(self, source: Source | None) -> int | None:
        if source is None:
            return None
        if source.iri not in self._source_index:
            self._source_index[source.iri] = len(self.sources)
            self.sources.append({"headline": source.headline, "published": source.published, "link": source.link})
        return self._source_index[source.iri]

    def quote(self, quote: Quote) -> int:
        if quote.key not in self._quote_index:
            self._quote_index[quote.key] = len(self.quotes)
            self.quotes.append({"text": quote.text, "source": self.source(quote.source)})
        return self._quote_index[quote.key]


def page_data(view: NetworkView, positions: dict[str, tuple[float, float]] | None = None) -> dict:
    """The JSON the page script reads: nodes, edges, shared sentence tables, styles."""
    tables = _Tables()
    degree: dict[str, int] = {}
    for e in view.edges:
        degree[e.source] = degree.get(e.source, 0) + 1
        degree[e.target] = degree.get(e.target, 0) + 1
    nodes = []
    for n in view.nodes:
        item = {
            "id": n.id, "label": n.label, "type": n.type, "aliases": list(n.aliases), "mentions": n.mentions,
            "degree": degree.get(n.id, 0), "roles": list(n.roles), "times": list(n.times),
            "quotes": [tables.quote(q) for q in n.quotes[:MAX_QUOTES]], "sentences": len(n.quotes),
            "actions": [
                {
                    "type": a.type, "mode": a.mode, "sector": a.sector, "modality": a.modality, "place": a.place,
                    "time": a.time, "times": list(a.times),
                    "evidence": [tables.quote(ev.quote) for ev in a.evidence[:MAX_QUOTES]],
                }
                for a in n.actions[:MAX_QUOTES]
            ],
            "actionTotal": len(n.actions),
        }
        if positions and n.id in positions:
            item["x"], item["y"] = positions[n.id]
        nodes.append(item)
    edges = [
        {
            "id": e.id, "from": e.source, "to": e.target, "kind": e.kind, "type": e.type, "label": e.label,
            "count": e.count, "directed": e.directed, "modality": e.modality, "times": list(e.times),
            "evidence": [
                {"quote": tables.quote(ev.quote), "extractor": ev.extractor, "confidence": ev.confidence}
                for ev in e.evidence[:MAX_QUOTES]
            ],
            "evidenceTotal": len(e.evidence),
        }
        for e in view.edges
    ]
    times = sorted({t for n in view.nodes for t in n.times} | {t for e in view.edges for t in e.times}
                   | {t for n in view.nodes for a in n.actions for t in a.times})
    return {
        "nodes": nodes,
        "edges": edges,
        "sources": tables.sources,
        "quotes": tables.quotes,
        "times": times,
        "precomputed": bool(positions),
        "entityTypes": list(ENTITY_TYPES),
        "typeNames": TYPE_NAMES,
        "typeSingular": TYPE_SINGULAR,
        "kindNames": KIND_NAMES,
        "styles": {
            "entities": {
                t: {"shape": s, "color": c, "border": b, "legend": lg} for t, (s, c, b, lg) in ENTITY_STYLES.items()
            },
            "events": {code: event_colour(code) for code in sorted({e.type for e in view.edges if e.kind == "event"})},
            "kinds": KIND_STYLES,
        },
    }


def render_html(view: NetworkView, *, title: str = "newsgraph", positions=None) -> str:
    """The whole page as a string."""
    vis_js = script_safe(vis_network_js())
    app_js = script_safe(_template("page.js"))
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

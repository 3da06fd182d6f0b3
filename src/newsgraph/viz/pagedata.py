"""The JSON the network page reads: nodes, edges, quotations, communities, styles.

Sentences and sources are stored once in shared tables and referred to by
index, so that a hub mentioned in many sentences does not repeat them. Every
string that came from an article stays a JSON string here; the page shows it
with textContent only (see page.py).
"""
from __future__ import annotations

import hashlib

from .communities import seed_positions
from .model import ENTITY_TYPES, NetworkView, Quotation, Quote, Source

# How many sentences (and quotations) a node or edge carries into the page: the
# panel is for reading, and a hub mentioned in thousands would bloat the file.
MAX_QUOTES = 40

# Nodes with no relation are shown at first only on a graph this small; above
# it they crowd the picture (a build of 15 articles has dozens), and a
# checkbox brings them back.
ISOLATED_SHOWN_UP_TO = 50

# Stabilisation iterations of vis-network's forceAtlas2 in the browser: each
# costs time in proportion to the graph. The layout starts from positions
# seeded by community (communities.py), not a random scatter, so a large
# graph settles well in half the steps (bench/bench_viz.py, docs/viz.md).
LAYOUT_ITERATIONS = 150
LAYOUT_ITERATIONS_LARGE = 75
LARGE_GRAPH = 500

# How many of the most important nodes get the larger label size at the opening zoom.
TOP_LABELS = 12

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
# Communities, largest first; after twelve the colours repeat (the list in the
# page names each community, so a repeated colour is never the only clue).
COMMUNITY_COLOURS = (
    "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02",
    "#a6761d", "#1f78b4", "#b2df8a", "#fb9a99", "#cab2d6", "#fdbf6f",
)
NO_COMMUNITY_COLOUR = "#b8bec6"


def event_colour(code: str) -> str:
    """A stable colour per PLOVER type, also for types not in the table."""
    if code in EVENT_COLOURS:
        return EVENT_COLOURS[code]
    return SPARE_COLOURS[int(hashlib.sha1(code.encode("utf-8")).hexdigest(), 16) % len(SPARE_COLOURS)]


class _Tables:
    """Sources, sentences and quotations stored once and referred to by index."""

    def __init__(self) -> None:
        self.sources: list[dict] = []
        self.quotes: list[dict] = []
        self.quotations: list[dict] = []
        self._source_index: dict[str, int] = {}
        self._quote_index: dict[str, int] = {}
        self._quotation_index: dict[str, int] = {}

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

    def quotation(self, q: Quotation, drawn: set[str]) -> int:
        if q.id not in self._quotation_index:
            self._quotation_index[q.id] = len(self.quotations)
            self.quotations.append({
                "text": q.text, "speaker": q.speaker if q.speaker in drawn else None, "speakerLabel": q.speaker_label,
                "cue": q.cue, "direct": q.direct, "about": [a for a in q.about if a in drawn], "time": q.time,
                "evidence": [self.quote(ev.quote) for ev in q.evidence[:MAX_QUOTES]],
            })
        return self._quotation_index[q.id]


def _community_name(members: tuple[str, ...], labels: dict[str, str]) -> str:
    """"Ukraine, Russia +7": the two best connected members and how many more."""
    shown = [labels[m] for m in members[:2]]
    rest = len(members) - len(shown)
    return ", ".join(shown) + (f" +{rest}" if rest else "")


def page_data(view: NetworkView, positions: dict[str, tuple[float, float]] | None = None) -> dict:
    """The JSON the page script reads.

    ``positions`` fixes the nodes where given (physics off); without it each
    node gets a starting position by community (``seed_positions``) and the
    page's physics settles the layout from there.
    """
    tables = _Tables()
    degree: dict[str, int] = {}
    neighbours: dict[str, set[str]] = {}
    for e in view.edges:
        degree[e.source] = degree.get(e.source, 0) + 1
        degree[e.target] = degree.get(e.target, 0) + 1
        if e.source != e.target:
            neighbours.setdefault(e.source, set()).add(e.target)
            neighbours.setdefault(e.target, set()).add(e.source)
    drawn = {n.id for n in view.nodes}
    labels = {n.id: n.label for n in view.nodes}
    community = {m: i for i, members in enumerate(view.communities) for m in members}
    # Importance decides which labels show first: distinct neighbours (the degree `stats`
    # ranks by), then mentions, then the name.
    ranked = sorted(view.nodes, key=lambda n: (-len(neighbours.get(n.id, ())), -n.mentions, n.label.casefold(), n.id))
    rank = {n.id: i for i, n in enumerate(ranked)}
    about: dict[str, list[Quotation]] = {}
    for q in view.quotations:
        for a in q.about:
            if a in drawn and a != q.speaker:
                about.setdefault(a, []).append(q)
    seeds = positions or seed_positions(view)
    nodes = []
    for n in view.nodes:
        heard = about.get(n.id, [])
        item = {
            "id": n.id, "label": n.label, "type": n.type, "aliases": list(n.aliases), "mentions": n.mentions,
            "degree": degree.get(n.id, 0), "rank": rank[n.id], "community": community.get(n.id),
            "roles": list(n.roles), "times": list(n.times),
            "quotes": [tables.quote(q) for q in n.quotes[:MAX_QUOTES]], "sentences": len(n.quotes),
            "actions": [
                {
                    "type": a.type, "mode": a.mode, "sector": a.sector, "modality": a.modality, "place": a.place,
                    "time": a.time, "times": list(a.times), "accordingTo": list(a.according_to),
                    "evidence": [tables.quote(ev.quote) for ev in a.evidence[:MAX_QUOTES]],
                }
                for a in n.actions[:MAX_QUOTES]
            ],
            "actionTotal": len(n.actions),
            "said": [tables.quotation(q, drawn) for q in n.quotations[:MAX_QUOTES]], "saidTotal": len(n.quotations),
            "heard": [tables.quotation(q, drawn) for q in heard[:MAX_QUOTES]], "heardTotal": len(heard),
        }
        if n.id in seeds:
            item["x"], item["y"] = seeds[n.id]
        nodes.append(item)
    for q in view.quotations:  # the timeline shows every quotation of the view, listed on a node or not
        tables.quotation(q, drawn)
    edges = [
        {
            "id": e.id, "from": e.source, "to": e.target, "kind": e.kind, "type": e.type, "label": e.label,
            "count": e.count, "directed": e.directed, "modality": e.modality, "times": list(e.times),
            "accordingTo": list(e.according_to),
            "evidence": [
                {"quote": tables.quote(ev.quote), "extractor": ev.extractor, "confidence": ev.confidence}
                for ev in e.evidence[:MAX_QUOTES]
            ],
            "evidenceTotal": len(e.evidence),
        }
        for e in view.edges
    ]
    times = sorted({t for n in view.nodes for t in n.times} | {t for e in view.edges for t in e.times}
                   | {t for n in view.nodes for a in n.actions for t in a.times}
                   | {q.time for q in view.quotations if q.time})
    return {
        "nodes": nodes,
        "edges": edges,
        "sources": tables.sources,
        "quotes": tables.quotes,
        "quotations": tables.quotations,
        "communities": [
            {"members": list(members), "name": _community_name(members, labels),
             "colour": COMMUNITY_COLOURS[i % len(COMMUNITY_COLOURS)]}
            for i, members in enumerate(view.communities)
        ],
        "times": times,
        "precomputed": bool(positions),
        "isolatedShown": len(view.nodes) <= ISOLATED_SHOWN_UP_TO,
        "topLabels": TOP_LABELS,
        "layoutIterations": LAYOUT_ITERATIONS if len(view.nodes) <= LARGE_GRAPH else LAYOUT_ITERATIONS_LARGE,
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
            "noCommunity": NO_COMMUNITY_COLOUR,
        },
    }

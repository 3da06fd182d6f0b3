"""See the graph: the network view of a newsgraph graph and its HTML page.

    load_graph(path) ──▶ LoadedGraph (pyoxigraph Store; its default graph is the graph)
        ──read_facts──▶ GraphFacts ──build_view──▶ NetworkView ──render_page──▶ graph.html

``load_view`` and ``write_page`` are what the build and the ``viz`` command
call; analytics and exports start from ``load_view`` too, so every consumer
counts the same nodes and merged edges. Each takes a ``LoadedGraph``, a
pyoxigraph ``Store`` (its default graph is read) or an rdflib Graph
(``reader.default_store``).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import rdflib
from oxrdflib import OxigraphStore
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from ..query.loading import load_graph
from .model import Action, EdgeEvidence, NetworkView, Quote, Source, ViewEdge, ViewNode
from .page import render_page
from .reader import GraphSource, default_store, read_facts
from .view import build_view, find_node


def load_view(
    graph: GraphSource,
    *,
    include_places: bool = False,
    max_nodes: int | None = None,
    focus: str | None = None,
    hops: int = 2,
) -> NetworkView:
    """The network to draw from ``graph``.

    Nodes are people, organisations and states (and places with
    ``include_places``); edges are roles and events, parallel events of one
    type merged with a count. ``focus`` keeps the ``hops``-neighbourhood of
    the node answering to that name; ``max_nodes`` then keeps the most
    connected nodes. Raises GraphError when ``focus`` names no node.
    """
    facts = read_facts(graph)
    return build_view(facts, include_places=include_places, max_nodes=max_nodes, focus=focus, hops=hops)


@dataclass(frozen=True)
class WrittenPage:
    """The page ``write_page`` wrote and how much it draws (what ``newsgraph viz`` reports)."""

    path: Path
    nodes: int
    edges: int


def write_page(
    graph: GraphSource,
    out: Path,
    *,
    include_places: bool = False,
    max_nodes: int | None = None,
    focus: str | None = None,
    hops: int = 2,
    title: str = "newsgraph",
) -> WrittenPage:
    """Write the interactive network page for ``graph`` to ``out``; say where and how big it is."""
    view = load_view(graph, include_places=include_places, max_nodes=max_nodes, focus=focus, hops=hops)
    path = render_page(view, Path(out), title=title)
    return WrittenPage(path=path, nodes=len(view.nodes), edges=len(view.edges))


def read_graph(path: Path | str) -> rdflib.Graph:
    """The graph at ``path`` through rdflib's API, for code written against rdflib.

    The file is opened as every reader opens it (``newsgraph.query.load_graph``:
    the same one-line errors and exit status in every command), and the
    rdflib Graph is a view of the default graph of that same pyoxigraph
    Store (oxrdflib), not a second copy. Pass it SPARQL as strings: a
    prepared query falls back to rdflib's own, much slower engine.
    """
    store = default_store(load_graph(path))
    return rdflib.Graph(store=OxigraphStore(store=store), identifier=DATASET_DEFAULT_GRAPH_ID)


__all__ = sorted(
    [
        "Action",
        "EdgeEvidence",
        "NetworkView",
        "Quote",
        "Source",
        "ViewEdge",
        "ViewNode",
        "GraphSource",
        "WrittenPage",
        "default_store",
        "find_node",
        "load_view",
        "read_graph",
        "write_page",
    ]
)

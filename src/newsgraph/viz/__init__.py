"""See the graph: the network view of a newsgraph graph and its HTML page.

    graph (rdflib) ──read_facts──▶ GraphFacts ──build_view──▶ NetworkView ──render_page──▶ graph.html

``load_view`` and ``write_page`` are what the build and the ``viz`` command
call; analytics and exports start from ``load_view`` too, so every consumer
counts the same nodes and merged edges.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import rdflib
from pyoxigraph import RdfFormat

from ..errors import GraphError
from ..query.loading import resolve_graph_file
from .model import Action, EdgeEvidence, NetworkView, Quote, Source, ViewEdge, ViewNode
from .page import render_page
from .reader import read_facts
from .view import build_view, find_node


def load_view(
    graph: rdflib.Graph,
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
    graph: rdflib.Graph,
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


# rdflib's parser for each format the shared suffix table (query.loading.RDF_FORMATS)
# names; oxrdflib registers the same names with an "ox-" in front.
RDFLIB_FORMATS: dict[RdfFormat, str] = {
    RdfFormat.TURTLE: "turtle",
    RdfFormat.N_TRIPLES: "nt",
    RdfFormat.N_QUADS: "nquads",
    RdfFormat.TRIG: "trig",
    RdfFormat.JSON_LD: "json-ld",
    RdfFormat.N3: "n3",
    RdfFormat.RDF_XML: "xml",
}


def read_graph(path: Path | str) -> rdflib.Graph:
    """Parse a graph file (or a build folder's graph.ttl) into an rdflib Graph.

    The file and its format are found as ``newsgraph query`` finds them
    (``query.loading.resolve_graph_file``), so a missing file or an unknown
    extension gives the same error and exit status in every command.
    Oxigraph's store and parser (oxrdflib) load ~15× faster than rdflib's
    own; the default store is the fallback when oxrdflib is not available.
    Formats that hold datasets (TriG, N-Quads, JSON-LD) become a Dataset
    whose default graph is the union of the named graphs (one per
    document), so readers see every triple.
    """
    file, fmt = resolve_graph_file(path)
    kind = rdflib.Dataset if fmt.supports_datasets else rdflib.Graph
    options = {"default_union": True} if fmt.supports_datasets else {}
    parser = RDFLIB_FORMATS[fmt]
    try:
        graph = kind(store="Oxigraph", **options)
        parser = "ox-" + parser
    except rdflib.plugin.PluginException:
        graph = kind(**options)
    try:
        graph.parse(str(file), format=parser)
    except (SyntaxError, ValueError, rdflib.exceptions.ParserError) as error:
        first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise GraphError(f"graph file '{file}' is not valid {fmt.name}: {first_line}") from None
    except UnicodeDecodeError:
        raise GraphError(f"graph file '{file}' is not UTF-8 text: is it really {fmt.name}?") from None
    except OSError as error:
        raise GraphError(f"cannot read graph file '{file}': {error.strerror or error}") from None
    return graph


__all__ = sorted(
    [
        "Action",
        "EdgeEvidence",
        "NetworkView",
        "Quote",
        "Source",
        "ViewEdge",
        "ViewNode",
        "WrittenPage",
        "find_node",
        "load_view",
        "read_graph",
        "write_page",
    ]
)

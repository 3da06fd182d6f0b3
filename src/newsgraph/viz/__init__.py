"""See the graph: the network view of a newsgraph graph and its HTML page.

    graph (rdflib) ──read_facts──▶ GraphFacts ──build_view──▶ NetworkView ──render_page──▶ graph.html

``load_view`` and ``write_page`` are what the build and the ``viz`` command
call; analytics and exports start from ``load_view`` too, so every consumer
counts the same nodes and merged edges.
"""
from __future__ import annotations

from pathlib import Path

import rdflib
from rdflib.util import guess_format

from ..errors import GraphError
from .model import EdgeEvidence, NetworkView, Quote, Source, ViewEdge, ViewNode
from .page import render_page
from .reader import read_facts
from .view import build_view, find_node

GRAPH_FILE = "graph.ttl"


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


def write_page(
    graph: rdflib.Graph,
    out: Path,
    *,
    include_places: bool = False,
    max_nodes: int | None = None,
    focus: str | None = None,
    hops: int = 2,
    title: str = "newsgraph",
) -> Path:
    """Write the interactive network page for ``graph`` to ``out``; return the path."""
    view = load_view(graph, include_places=include_places, max_nodes=max_nodes, focus=focus, hops=hops)
    return render_page(view, Path(out), title=title)


def graph_path(path: Path | str) -> Path:
    """The graph file a user means: the file itself, or ``graph.ttl`` in a build folder."""
    path = Path(path)
    return path / GRAPH_FILE if path.is_dir() else path


FORMAT_NAMES = {"turtle": "Turtle", "nt": "N-Triples", "xml": "RDF/XML", "n3": "N3", "json-ld": "JSON-LD",
                "trig": "TriG", "nquads": "N-Quads"}
QUAD_FORMATS = {"trig", "nquads"}


def _read_graph(path: Path | str) -> rdflib.Graph:
    """Parse a graph file (or a build folder's graph.ttl) into an rdflib Graph.

    Oxigraph's store and parser (oxrdflib) load ~15× faster than rdflib's
    own; the default store is the fallback when oxrdflib is not available.
    TriG and N-Quads become a Dataset whose default graph is the union of
    the named graphs (one per document), so readers see every triple.
    """
    file = graph_path(path)
    if not file.is_file():
        raise GraphError(f"graph file '{file}' does not exist: run `newsgraph build` first or check the path")
    fmt = guess_format(str(file)) or "turtle"
    kind = rdflib.Dataset if fmt in QUAD_FORMATS else rdflib.Graph
    options = {"default_union": True} if fmt in QUAD_FORMATS else {}
    try:
        graph = kind(store="Oxigraph", **options)
        parse_format = "ox-" + fmt if "ox-" + fmt in _OX_FORMATS else fmt
    except rdflib.plugin.PluginException:
        graph, parse_format = kind(**options), fmt
    name = FORMAT_NAMES.get(fmt, fmt)
    try:
        graph.parse(str(file), format=parse_format)
    except (SyntaxError, ValueError, rdflib.exceptions.ParserError) as error:
        first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise GraphError(f"graph file '{file}' is not valid {name}: {first_line}") from None
    except UnicodeDecodeError:
        raise GraphError(f"graph file '{file}' is not UTF-8 text: is it really {name}?") from None
    except OSError as error:
        raise GraphError(f"cannot read graph file '{file}': {error.strerror or error}") from None
    return graph


_OX_FORMATS = {"ox-turtle", "ox-nt", "ox-xml", "ox-n3", "ox-json-ld", "ox-trig", "ox-nquads"}


read_graph = _read_graph

__all__ = sorted(
    [
        "EdgeEvidence",
        "NetworkView",
        "Quote",
        "Source",
        "ViewEdge",
        "ViewNode",
        "find_node",
        "graph_path",
        "load_view",
        "read_graph",
        "write_page",
    ]
)

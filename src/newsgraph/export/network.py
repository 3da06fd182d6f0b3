"""Export the actor network to GraphML or GEXF, for Gephi, Cytoscape, yEd and friends.

The exported network is the one the page draws (``newsgraph.analytics.to_networkx``):
nodes carry label, type, aliases (joined with "; ") and mentions; edges carry
kind (role or event), label, type, count, directed and modality. GEXF
reserves an edge's ``type`` for its direction, so in GEXF files the post or
PLOVER code is in ``relation`` (and ``directed`` is false for CONSULT and
COOPERATE); GraphML has it in both ``type`` and ``relation``.

XML 1.0 cannot hold most control characters at all, so every string that
goes into a file (ids, labels, aliases) has them removed first: a graph
built before ingest stripped them, or by another tool, still exports as a
valid file.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import rdflib

from .analytics import to_networkx
from .atomic import atomic_path
from .errors import GraphError


#: Characters XML 1.0 does not allow (C0 but tab/newline/CR, surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: object) -> object:
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


def _xml_safe_network(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same network with every string attribute and id fit for XML."""
    if not any(isinstance(v, str) and _NOT_XML.search(v) for v in _strings(network)):
        return network
    safe = nx.relabel_nodes(network, {n: xml_safe(n) for n in network if isinstance(n, str)}, copy=True)
    safe.graph.update({k: xml_safe(v) for k, v in safe.graph.items()})
    for _, data in safe.nodes(data=True):
        data.update({k: xml_safe(v) for k, v in data.items()})
    for _, _, data in safe.edges(data=True):
        data.update({k: xml_safe(v) for k, v in data.items()})
    return safe


def _strings(network: nx.MultiDiGraph):
    yield from network.graph.values()
    for node, data in network.nodes(data=True):
        yield node
        yield from data.values()
    for _, _, data in network.edges(data=True):
        yield from data.values()


def _write_graphml(network: nx.MultiDiGraph, out: Path) -> None:
    for _, _, data in network.edges(data=True):
        data["relation"] = data["type"]
    nx.write_graphml(network, out, encoding="utf-8", prettyprint=True, named_key_ids=True)


def _write_gexf(network: nx.MultiDiGraph, out: Path) -> None:
    for _, _, data in network.edges(data=True):
        # GEXF's own edge "type" is the direction; per-edge "undirected" in a
        # directed graph is rejected by networkx and "mutual" doubles the edge,
        # so every edge stays directed and the ``directed`` attribute says more.
        data["relation"] = data.pop("type")
    nx.write_gexf(network, out, encoding="utf-8", prettyprint=True)


WRITERS: dict[str, Callable[[nx.MultiDiGraph, Path], None]] = {
    "graphml": _write_graphml,
    "gexf": _write_gexf,
}


@dataclass(frozen=True)
class WrittenNetwork:
    """The file ``export_graph`` wrote, its format and size (what ``newsgraph export`` reports)."""

    path: Path
    format: str
    nodes: int
    edges: int


def export_graph(graph: rdflib.Graph, out: Path, fmt: str, *, include_places: bool = False) -> WrittenNetwork:
    """Write the network of ``graph`` to ``out`` as ``fmt`` (graphml or gexf); say where and how big."""
    _writer(fmt)  # an unknown format fails before any work
    network = to_networkx(graph, include_places=include_places)
    nodes, edges = network.number_of_nodes(), network.number_of_edges()
    path = write_network(network, out, fmt)
    return WrittenNetwork(path=path, format=fmt.lower(), nodes=nodes, edges=edges)


def _writer(fmt: str) -> Callable[[nx.MultiDiGraph, Path], None]:
    writer = WRITERS.get(fmt.lower())
    if writer is None:
        raise GraphError(f"unknown export format {fmt!r}: use one of {', '.join(sorted(WRITERS))}")
    return writer


def write_network(network: nx.MultiDiGraph, out: Path, fmt: str) -> Path:
    """Write a network made by ``to_networkx`` (it is changed in place: attributes renamed)."""
    writer = _writer(fmt)
    out = Path(out)
    network = _xml_safe_network(network)
    try:
        with atomic_path(out) as tmp:
            writer(network, tmp)
    except OSError as error:
        raise GraphError(f"cannot write '{out}': {error.strerror or error}") from None
    return out

"""The actor network as GraphML or GEXF, for Gephi, Cytoscape, yEd and friends.

The exported network is the one the page draws (``newsgraph.analytics.to_networkx``):
nodes carry label, type, aliases (joined with "; ") and mentions; edges carry
kind (role, event or place), label, type, count, directed and modality, and
event edges their PLOVER code in ``event_type``. GEXF reserves an edge's
``type`` for its direction, so in GEXF files the post or PLOVER code is in
``relation``; GraphML has it in both ``type`` and ``relation``.

Symmetric event types (``vocab.SYMMETRIC_EVENT_TYPES``: CONSULT, COOPERATE)
are undirected: ``directed`` is false, and in GEXF the edge's own type is
``mutual``, GEXF's edge that runs both ways inside a directed graph (Gephi
and networkx read it so; networkx refuses ``undirected`` edges in a
directed graph, and so does its GraphML reader, which is why GraphML says
it in the ``directed`` attribute only).

The same graph gives the same bytes: nodes and edges are written sorted by
id, and the only thing that changes between runs is the generation time in
the file's description (fixed too with ``SOURCE_DATE_EPOCH``).

XML 1.0 cannot hold most control characters at all, so every string that
goes into a file (ids, labels, aliases) has them removed first: a graph
built before ingest stripped them, or by another tool, still exports as a
valid file.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import BinaryIO

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from ..atomic import atomic_path
from ..errors import GraphError

#: Characters XML 1.0 does not allow (C0 but tab/newline/CR, surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: object) -> object:
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


def _sorted_safe_copy(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same network with nodes and edges in id order and every string fit for XML."""
    copy = nx.MultiDiGraph()
    copy.graph.update({k: xml_safe(v) for k, v in sorted(network.graph.items())})
    for node, data in sorted(network.nodes(data=True), key=lambda n: str(n[0])):
        copy.add_node(xml_safe(node), **{k: xml_safe(v) for k, v in data.items()})
    for u, v, key, data in sorted(network.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        copy.add_edge(xml_safe(u), xml_safe(v), key=xml_safe(key), **{k: xml_safe(x) for k, x in data.items()})
    return copy


def _mark_events(network: nx.MultiDiGraph) -> None:
    for _, _, data in network.edges(data=True):
        if data.get("kind") == "event":
            data["event_type"] = data.get("type")


def _write_graphml(network: nx.MultiDiGraph, sink: BinaryIO) -> None:
    _mark_events(network)
    for _, _, data in network.edges(data=True):
        data["relation"] = data["type"]
    # key ids d0, d1 …: named ids would give a node and an edge attribute of one name the same id
    nx.write_graphml(network, sink, encoding="utf-8", prettyprint=True)


def _write_gexf(network: nx.MultiDiGraph, sink: BinaryIO) -> None:
    _mark_events(network)
    for _, _, key, data in network.edges(keys=True, data=True):
        data["relation"] = data.pop("type")
        data["id"] = key  # the page's edge id, not a counter
        if data.get("directed") is False:
            data["type"] = "mutual"
    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph(network)
    _describe_gexf(writer, network.graph)
    writer.write(sink)


def _describe_gexf(writer: GEXFWriter, about: Mapping[str, object]) -> None:
    """GEXF has no graph attributes: what GraphML says in them goes into <meta>."""
    meta = writer.xml.find("meta")
    if meta is None or not about:
        return
    for child in list(meta):
        meta.remove(child)
    creator = meta.makeelement("creator", {})
    creator.text = f"newsgraph {about.get('newsgraph_version', '')}".strip()
    meta.append(creator)
    description = meta.makeelement("description", {})
    description.text = "; ".join(f"{k}={v}" for k, v in about.items())
    meta.append(description)
    generated = str(about.get("generated", ""))
    if generated:
        meta.set("lastmodifieddate", generated[:10])


WRITERS: dict[str, Callable[[nx.MultiDiGraph, BinaryIO], None]] = {
    "graphml": _write_graphml,
    "gexf": _write_gexf,
}


def write_network(network: nx.MultiDiGraph, out: Path | BinaryIO, fmt: str) -> Path | BinaryIO:
    """Write a network made by ``to_networkx`` to a file (atomically) or a binary stream.

    ``network.graph`` holds the graph's description (version, generation
    time, counts): GraphML graph attributes, GEXF <meta>.
    """
    writer = WRITERS.get(fmt.lower())
    if writer is None:
        raise GraphError(f"unknown network format {fmt!r}: use one of {', '.join(sorted(WRITERS))}")
    network = _sorted_safe_copy(network)
    if not isinstance(out, (str, Path)):
        writer(network, out)
        return out
    out = Path(out)
    try:
        with atomic_path(out) as tmp, open(tmp, "wb") as sink:
            writer(network, sink)
    except OSError as error:
        raise GraphError(f"cannot write '{out}': {error.strerror or error}") from None
    return out

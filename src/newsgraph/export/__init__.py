"""Export a graph: every RDF format, JSON-LD that reads as JSON, and the actor network.

    load_graph(path) ──▶ Store (default graph = the graph; named graphs per document)
        ──export_graph──▶ turtle | ntriples | rdfxml | jsonld   the default graph + its description
                          trig | nquads                       + the named graphs, description in {base}graph/void
                          graphml | gexf                      the actor network the page draws

Every export says what it is (``description.dataset_description``): VoID and
DCAT counts, vocabularies, licence and endpoint when given, and which
newsgraph version made it when. Formats are registered by name in
``FORMATS`` and their writers imported when used. docs/export.md shows
each with an example.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from pyoxigraph import DefaultGraph, NamedNode, Quad, Store

from ..atomic import atomic_path
from ..errors import GraphError
from ..graph.iris import DEFAULT_BASE, INSTANCE_PATHS
from ..query.loading import LoadedGraph, display_prefixes
from ..viz.reader import GraphSource, default_store
from .description import (
    DESCRIPTION_PREFIXES,
    DatasetCounts,
    count_dataset,
    dataset_description,
    description_graph,
    generation_time,
)
from .network import WRITERS as NETWORK_WRITERS
from .network import write_network, xml_safe


@dataclass(frozen=True)
class ExportFormat:
    """One export format: its name, what it holds, the file suffixes that mean it."""

    name: str
    kind: str  # "graph" (the default graph), "dataset" (and the named graphs) or "network"
    suffixes: tuple[str, ...]
    title: str


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("turtle", "graph", (".ttl",), "Turtle"),
        ExportFormat("ntriples", "graph", (".nt",), "N-Triples"),
        ExportFormat("rdfxml", "graph", (".rdf", ".owl"), "RDF/XML"),
        ExportFormat("jsonld", "graph", (".jsonld", ".json"), "JSON-LD"),
        ExportFormat("trig", "dataset", (".trig",), "TriG"),
        ExportFormat("nquads", "dataset", (".nq",), "N-Quads"),
        ExportFormat("graphml", "network", (".graphml",), "GraphML"),
        ExportFormat("gexf", "network", (".gexf",), "GEXF"),
    )
}


def format_for(fmt: str | None, out: Path | None) -> ExportFormat:
    """The format named, or the one ``out``'s suffix means; GraphError when neither says."""
    if fmt is not None:
        found = FORMATS.get(fmt.lower())
        if found is None:
            raise GraphError(f"unknown export format {fmt!r}: use one of {', '.join(sorted(FORMATS))}")
        return found
    suffix = out.suffix.lower() if out is not None else ""
    for candidate in FORMATS.values():
        if suffix in candidate.suffixes:
            return candidate
    where = f"'{out.name}'" if out is not None else "standard output"
    raise GraphError(f"cannot tell the format from {where}: add --format ({', '.join(sorted(FORMATS))})")


@dataclass(frozen=True)
class Written:
    """What ``export_graph`` wrote (what ``newsgraph export`` reports)."""

    path: Path | None  # None: a stream
    format: str
    triples: int = 0  # RDF formats: triples (quads) written, description included
    graphs: int = 0  # TriG / N-Quads: named graphs written
    nodes: int = 0  # networks
    edges: int = 0

    def summary(self) -> str:
        where = self.path if self.path is not None else "standard output"
        if self.format in NETWORK_WRITERS:
            return f"wrote {where} ({self.format}, {self.nodes} nodes, {self.edges} edges)"
        if FORMATS[self.format].kind == "dataset":
            graphs = f"{self.graphs} named graph" + ("" if self.graphs == 1 else "s")
            return f"wrote {where} ({self.format}, {self.triples} quads in the default graph and {graphs})"
        return f"wrote {where} ({self.format}, {self.triples} triples)"


def source_base(graph: GraphSource) -> str:
    """The base of the graph's instance IRIs: the store's own, else read off its
    instance prefixes (``person: <{base}person/>``), else the default."""
    base = getattr(graph, "base", None)
    if isinstance(base, str) and base:
        return base
    prefixes = getattr(graph, "prefixes", None) or {}
    for name, path in INSTANCE_PATHS.items():
        namespace = prefixes.get(name, "")
        if namespace.endswith("/" + path):
            return namespace[: -len(path)]
    return DEFAULT_BASE


def _prefixes(graph: GraphSource, base: str) -> dict[str, str]:
    if isinstance(graph, LoadedGraph):
        prefixes = dict(graph.prefixes)
    else:
        prefixes = display_prefixes({name: base + path for name, path in INSTANCE_PATHS.items()})
    # as in graph.ttl: sentence and mention IRIs under doc: would need escapes (doc:key\#char\=0\,66)
    prefixes.pop("doc", None)
    taken = set(prefixes.values())
    for name, namespace in DESCRIPTION_PREFIXES.items():
        if name not in prefixes and namespace not in taken:
            prefixes[name] = namespace
    return prefixes


def _data_store(store: Store, base: str) -> Store:
    """The store to count and draw: without the description an earlier export left in its default graph."""
    from .rdf import is_description

    if next(store.quads_for_pattern(NamedNode(base + "dataset"), None, None, DefaultGraph()), None) is None:
        return store  # no earlier description: nothing to leave out (the common case, and no scan)
    data = Store()
    data.extend(q for q in store.quads_for_pattern(None, None, None, DefaultGraph()) if not is_description(q, base))
    return data


def network_description(counts: DatasetCounts, generated: datetime, *, licence: str | None,
                        endpoint: str | None) -> dict[str, object]:
    """The description of a network file, as graph attributes (GraphML) or <meta> (GEXF)."""
    from .. import __version__

    about: dict[str, object] = {
        "newsgraph_version": __version__,
        "generated": generated.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "triples": counts.triples,
        "entities": counts.entities,
        "distinct_subjects": counts.distinct_subjects,
    }
    if licence is not None:
        about["licence"] = licence
    if endpoint is not None:
        about["sparql_endpoint"] = endpoint
    return about


def export_graph(
    graph: GraphSource,
    out: Path | None,
    fmt: str | None = None,
    *,
    stream: BinaryIO | None = None,
    base: str | None = None,
    licence: str | None = None,
    endpoint: str | None = None,
    include_places: bool = False,
    generated: datetime | None = None,
) -> Written:
    """Write ``graph`` to ``out`` (atomically; ``None``: to ``stream``, standard output by default) as ``fmt``.

    ``fmt`` defaults to what ``out``'s suffix means. ``licence`` and
    ``endpoint`` (IRIs) go into the description only when given;
    ``generated`` is its generation time (see ``description.generation_time``).
    """
    chosen = format_for(fmt, out)
    base = base or source_base(graph)
    source = default_store(graph)
    data = _data_store(source, base)
    moment = generation_time(generated)
    counts = count_dataset(data, base=base)
    described = dataset_description(data, base=base, licence=licence, endpoint=endpoint, generated=moment,
                                    counts=counts)
    if chosen.kind == "network":
        from ..analytics import to_networkx

        network = to_networkx(data, include_places=include_places)
        network.graph.update(network_description(counts, moment, licence=licence, endpoint=endpoint))
        nodes, edges = network.number_of_nodes(), network.number_of_edges()
        target = write_network(network, out if out is not None else _stream(stream), chosen.name)
        return Written(path=target if out is not None else None, format=chosen.name, nodes=nodes, edges=edges)

    def write(sink: BinaryIO) -> tuple[int, int]:
        return _write_rdf(source, described, sink, chosen, base=base, prefixes=_prefixes(graph, base))

    if out is None:
        triples, graphs = write(_stream(stream))
        return Written(path=None, format=chosen.name, triples=triples, graphs=graphs)
    out = Path(out)
    try:
        with atomic_path(out) as tmp, open(tmp, "wb") as sink:
            triples, graphs = write(sink)
    except OSError as error:
        raise GraphError(f"cannot write '{out}': {error.strerror or error}") from None
    return Written(path=out, format=chosen.name, triples=triples, graphs=graphs)


def _write_rdf(source: Store, described: list[Quad], sink: BinaryIO, chosen: ExportFormat, *, base: str,
               prefixes: dict[str, str]) -> tuple[int, int]:
    from .rdf import data_quads, write_rdf

    quads = data_quads(source, base=base, named_graphs=chosen.kind == "dataset")
    if chosen.name == "jsonld":
        from .jsonld import write_jsonld

        triples = {Quad(q.subject, q.predicate, q.object).triple for q in (*quads, *described)}
        return write_jsonld(sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object))), sink,
                            base=base), 0
    return write_rdf(quads, described, sink, chosen.name, prefixes=prefixes)


def _stream(stream: BinaryIO | None) -> BinaryIO:
    if stream is not None:
        return stream
    sys.stdout.flush()  # anything printed as text goes out before the bytes
    return sys.stdout.buffer


__all__ = sorted(
    [
        "FORMATS",
        "DatasetCounts",
        "ExportFormat",
        "Written",
        "count_dataset",
        "dataset_description",
        "description_graph",
        "export_graph",
        "format_for",
        "generation_time",
        "network_description",
        "source_base",
        "write_network",
        "xml_safe",
    ]
)

"""The graph in the RDF formats pyoxigraph writes: Turtle, N-Triples, RDF/XML, TriG, N-Quads.

Turtle, N-Triples and RDF/XML hold one graph: the default graph (the merged
graph every reader reads) with the dataset's description merged into it.
TriG and N-Quads hold the dataset: the default graph, each named graph of
the source (one per document in a store) and the description in its own
named graph, ``{base}graph/void``, so the default graph stays exactly the
data. The entity index's internal lookup keys (``ng:lookupKey``) are never
exported, and a description an earlier export left in the source is
replaced, not kept beside the new one.

Triples are written sorted (graph, subject, predicate, object), so the same
graph always gives the same bytes; Turtle, TriG and RDF/XML declare the
prefixes their IRIs use.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import BinaryIO

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store, serialize

from ..vocab import NG_IRI
from .description import SOFTWARE, description_graph

#: export format name -> pyoxigraph format
RDF_FORMATS: dict[str, RdfFormat] = {
    "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES,
    "rdfxml": RdfFormat.RDF_XML,
    "trig": RdfFormat.TRIG,
    "nquads": RdfFormat.N_QUADS,
}

_LOOKUP_KEY = NG_IRI + "lookupKey"


def is_description(quad: Quad, base: str) -> bool:
    """A triple of a dataset description (ours, from an earlier export or build)."""
    subject = quad.subject
    if not isinstance(subject, NamedNode):
        return False
    iri = subject.value
    return iri == base + "dataset" or iri.startswith(base + "dataset/") or iri.startswith(SOFTWARE.value.rsplit("/", 1)[0] + "/")


def data_quads(store: Store, *, base: str, named_graphs: bool) -> Iterator[Quad]:
    """What the export holds of the source: the default graph (and with ``named_graphs`` every
    named graph but the description's), without lookup keys or an earlier description."""
    skip_graph = description_graph(base)
    quads = store if named_graphs else store.quads_for_pattern(None, None, None, DefaultGraph())
    for quad in quads:
        if quad.predicate.value == _LOOKUP_KEY or quad.graph_name == skip_graph:
            continue
        if isinstance(quad.graph_name, DefaultGraph) and is_description(quad, base):
            continue
        yield quad


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _text(term) -> str:
    return str(term) if isinstance(term, Literal) else term.value


def _order(void: NamedNode | DefaultGraph):
    """Sort key: the default graph, then the description's graph, then the other named graphs;
    within a graph by subject IRI, rdf:type first, then by predicate and object."""

    def key(quad: Quad) -> tuple:
        graph = quad.graph_name
        rank = 0 if isinstance(graph, DefaultGraph) else 1 if graph == void else 2
        return (rank, "" if rank == 0 else graph.value, quad.subject.value, quad.predicate.value != _RDF_TYPE,
                quad.predicate.value, _text(quad.object))

    return key


def used_prefixes(prefixes: Mapping[str, str], quads: Iterable[Quad]) -> dict[str, str]:
    """The prefixes some IRI of ``quads`` starts with, so the header lists no unused ones."""
    namespaces: set[str] = set()
    for quad in quads:
        for term in (quad.subject, quad.predicate, quad.object, quad.graph_name):
            if isinstance(term, NamedNode):
                iri = term.value
                namespaces.add(iri[: max(iri.rfind("/"), iri.rfind("#")) + 1])
            elif hasattr(term, "datatype") and term.datatype is not None:
                iri = term.datatype.value
                namespaces.add(iri[: max(iri.rfind("/"), iri.rfind("#")) + 1])
    return {name: ns for name, ns in sorted(prefixes.items()) if any(n.startswith(ns) for n in namespaces)}


def write_rdf(
    quads: Iterable[Quad],
    description: Iterable[Quad],
    sink: BinaryIO,
    fmt: str,
    *,
    prefixes: Mapping[str, str],
) -> tuple[int, int]:
    """Write ``quads`` (the data) and ``description`` to ``sink`` as ``fmt``; return (triples, named graphs).

    For one-graph formats every quad is written as a triple of the default
    graph, the description first; the dataset formats keep graph names:
    the default graph, the description's graph, then the others by IRI.
    """
    rdf_format = RDF_FORMATS[fmt]
    description = list(description)
    void = description[0].graph_name if description else DefaultGraph()
    dataset = rdf_format.supports_datasets
    if dataset:
        ordered = sorted({*quads, *description}, key=_order(void))
    else:  # the description first, then the data, all in the default graph
        about = {Quad(q.subject, q.predicate, q.object) for q in description}
        data = {Quad(q.subject, q.predicate, q.object) for q in quads} - about
        ordered = sorted(about, key=_order(void)) + sorted(data, key=_order(void))
    shown = used_prefixes(prefixes, ordered) if fmt in ("turtle", "trig", "rdfxml") else None
    items = ordered if dataset else [q.triple for q in ordered]
    serialize(items, sink, rdf_format, prefixes=shown)
    graphs = {q.graph_name for q in ordered if not isinstance(q.graph_name, DefaultGraph)}
    return len(ordered), len(graphs)

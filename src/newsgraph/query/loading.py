"""Load a graph file (or a build folder's ``graph.ttl``) into an Oxigraph store.

Queries run on Oxigraph's engine (pyoxigraph), never rdflib's: on news-sized
graphs rdflib's planner builds cross products that take minutes where
Oxigraph takes a fraction of a second (see NOTES-ecosystem.md). The loaded
graph keeps the prefixes to show its IRIs with, so answers read
``person:antony-blinken`` rather than the whole IRI.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import RdfFormat, Store, parse

from ..errors import GraphError, MissingInputError
from ..graph.iris import DEFAULT_BASE

# File extensions the loader understands; anything else is refused with this list.
RDF_FORMATS: dict[str, RdfFormat] = {
    ".ttl": RdfFormat.TURTLE,
    ".nt": RdfFormat.N_TRIPLES,
    ".nq": RdfFormat.N_QUADS,
    ".trig": RdfFormat.TRIG,
    ".jsonld": RdfFormat.JSON_LD,
    ".n3": RdfFormat.N3,
    ".rdf": RdfFormat.RDF_XML,
    ".owl": RdfFormat.RDF_XML,
}

XSD = "http://www.w3.org/2001/XMLSchema#"

# Prefixes added for display when a graph file does not declare them (rdflib,
# for one, leaves out a prefix it cannot use in a prefixed name, such as doc:).
VOCABULARY_PREFIXES = {
    "ng": "https://w3id.org/newsgraph/ontology#",
    "plover": "https://w3id.org/newsgraph/plover#",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "schema": "https://schema.org/",
    "xsd": XSD,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}
# prefix -> path under the base of instance IRIs (docs/graph-model.md)
INSTANCE_PREFIXES = {
    "person": "person/", "orgn": "org/", "state": "state/", "place": "place/", "doc": "doc/", "role": "role/",
    "membership": "membership/", "event": "event/", "evidence": "evidence/", "author": "author/",
}


@dataclass(frozen=True)
class LoadedGraph:
    """An in-memory Oxigraph store with the prefixes to show its IRIs with.

    The prefixes (the file's own, completed by :func:`display_prefixes`)
    make answers readable: ``person:antony-blinken`` rather than the IRI.
    """

    store: Store
    prefixes: Mapping[str, str]
    source: Path


def resolve_graph_path(path: str | Path) -> Path:
    """The graph file named by ``path``: the file itself, or ``graph.ttl`` in a build folder."""
    given = Path(path)
    if given.is_dir():
        candidate = given / "graph.ttl"
        if not candidate.is_file():
            raise MissingInputError(
                f"graph file '{candidate}' does not exist: run `newsgraph build` first or check the path"
            )
        return candidate
    if not given.exists():
        raise MissingInputError(f"graph file '{given}' does not exist: run `newsgraph build` first or check the path")
    return given


def load_graph(path: str | Path) -> LoadedGraph:
    """Parse a graph file (format by extension) or a build folder's ``graph.ttl`` into a store."""
    file = resolve_graph_path(path)
    fmt = RDF_FORMATS.get(file.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(RDF_FORMATS))
        raise GraphError(f"cannot tell the RDF format of '{file}': name it with one of {known}")
    store = Store()
    try:
        quads = parse(path=str(file), format=fmt)
        store.extend(quads)
    except (SyntaxError, ValueError) as error:
        raise GraphError(f"cannot read graph file '{file}': {one_line(str(error))}") from None
    except OSError as error:
        raise GraphError(f"cannot read graph file '{file}': {error.strerror or error}") from None
    return LoadedGraph(store=store, prefixes=display_prefixes(quads.prefixes), source=file)


def display_prefixes(declared: Mapping[str, str]) -> dict[str, str]:
    """The graph's own prefixes, completed with the ontology's and the instance namespaces'.

    The base of instance IRIs is read off a declared instance namespace
    (``…/person/``), so a build with ``--base`` shortens as well; a declared
    prefix always wins over an added one.
    """
    prefixes = dict(declared)
    bases = {
        namespace[: -len(path)]
        for namespace in declared.values()
        for path in INSTANCE_PREFIXES.values()
        if namespace.endswith("/" + path)
    }
    candidates = list(VOCABULARY_PREFIXES.items())
    for base in sorted(bases) or [DEFAULT_BASE]:
        candidates += [(name, base + path) for name, path in INSTANCE_PREFIXES.items()]
    taken = set(prefixes.values())
    for name, namespace in candidates:
        if name not in prefixes and namespace not in taken:
            prefixes[name] = namespace
            taken.add(namespace)
    return prefixes


def one_line(message: str) -> str:
    """A parser's (often multi-line) message folded into one line, for a one-line error."""
    return " ".join(message.split())

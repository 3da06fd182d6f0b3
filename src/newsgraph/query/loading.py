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

from pyoxigraph import DefaultGraph, Quad, RdfFormat, Store, parse

from .. import vocab
from ..errors import GraphError, MissingInputError
from ..graph.iris import DEFAULT_BASE, INSTANCE_PATHS

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

XSD = str(vocab.XSD)

# Prefixes added for display when a graph file does not declare them (rdflib,
# for one, leaves out a prefix it cannot use in a prefixed name, such as doc:):
# the ones every serialisation binds (vocab.PREFIXES), plus rdf:, which
# Turtle mostly spells "a" and so rarely declares.
VOCABULARY_PREFIXES: dict[str, str] = {name: str(namespace) for name, namespace in vocab.PREFIXES.items()} | {
    "rdf": str(vocab.RDF),
}
# prefix -> path under the base of instance IRIs (docs/graph-model.md), as the build mints them
INSTANCE_PREFIXES: dict[str, str] = dict(INSTANCE_PATHS)


@dataclass(frozen=True)
class LoadedGraph:
    """An in-memory Oxigraph store with the prefixes to show its IRIs with.

    The prefixes (the file's own, completed by :func:`display_prefixes`)
    make answers readable: ``person:antony-blinken`` rather than the IRI.
    """

    store: Store
    prefixes: Mapping[str, str]
    source: Path
    #: keeps a store folder's shared lock for as long as the graph is in use
    holder: object | None = None
    #: the base of the instance IRIs, when the source says (a store folder does)
    base: str | None = None


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


def graph_format(file: Path) -> RdfFormat:
    """The RDF format of ``file`` by its extension (``RDF_FORMATS``); GraphError naming the known ones."""
    fmt = RDF_FORMATS.get(file.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(RDF_FORMATS))
        raise GraphError(f"cannot tell the RDF format of '{file}': name it with one of {known}")
    return fmt


def resolve_graph_file(path: str | Path) -> tuple[Path, RdfFormat]:
    """The graph file named by ``path`` and its format, or the error every command gives.

    Shared by ``query`` (Oxigraph) and ``viz``/``stats``/``export``
    (rdflib), so a missing file (MissingInputError, exit 2) or an unknown
    extension (GraphError) reads the same whichever command met it.
    """
    file = resolve_graph_path(path)
    return file, graph_format(file)


def load_graph(path: str | Path) -> LoadedGraph:
    """A store folder (opened read-only), or a graph file (format by extension) or a build folder's
    ``graph.ttl`` parsed into a memory store. Either way the default graph is the whole graph."""
    from ..store.folder import ReadOnlyStore, is_store_folder, store_base

    if is_store_folder(path):
        opened = ReadOnlyStore(path)
        base = store_base(path) or DEFAULT_BASE
        declared = {name: base + sub for name, sub in INSTANCE_PREFIXES.items()}
        return LoadedGraph(store=opened.store, prefixes=display_prefixes(declared), source=Path(path),
                           holder=opened, base=base)
    file, fmt = resolve_graph_file(path)
    store = Store()
    try:
        quads = parse(path=str(file), format=fmt)
        store.extend(quads)
        if fmt in (RdfFormat.TRIG, RdfFormat.N_QUADS) and not any(store.quads_for_pattern(None, None, None,
                                                                                           DefaultGraph())):
            # a dataset file with named graphs only: "the graph" is their union
            store.extend(Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in list(store))
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

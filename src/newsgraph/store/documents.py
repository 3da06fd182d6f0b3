"""Documents in and out of a store, each change one transaction (layout: ``backend.py``).

``replace_document`` writes a document's quads into its named graph and
``remove_document`` takes the graph out; each is ONE SPARQL update, so a
store that applies an update atomically (Oxigraph, embedded or served)
holds either the old version of the document or all of the new one, never
a part, whenever the build is killed. A store in this process (an embedded
Oxigraph) is written the same way from the entity index it keeps in memory
(``store/labels.py``), without a query; a new document that changes no
preferred label, the common case, goes in as N-Quads text in one
``Store.load`` (one transaction too), which Oxigraph parses without Python's
lock, instead of an update's text or a pyoxigraph ``Quad`` per statement.

The same update keeps what is derived across documents in step:

* the default graph is the union of the named graphs: the triples only the
  old version of the document held leave it, the new version's come in;
* for every entity the document names (now or before), the one
  ``skos:prefLabel`` and the lookup keys of the entities graph are
  recomputed from the labels all documents give it (``best_label``), and an
  entity no document names any more leaves the entities graph.

Derived facts are a function of the set of documents, never of the order
they came in, so a store built one document at a time matches a fresh
build of the same documents.

A store only the default graph is read from (the scratch store of a build
that writes files: ``LocalBackend.label_graphs``) keeps in each document
graph only what the derived facts are computed from, the document's labels
and its content hash: about half the quads. It takes new documents only; it
cannot replace or remove one, since it no longer knows what only the old
version held.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TypeGuard

from pyoxigraph import Literal, NamedNode, Quad

from ..errors import GraphError
from ..graph.iris import Iris
from ..graph.rdf import DocumentTriples
from ..resolve.index import Known, lookup_keys, type_of_key
from ..types import Entity
from ..vocab import NG, OWL, SCHEMA, SKOS
from .backend import Backend, LocalBackend
from .labels import LABELS, RDFS_LABEL, SKOS_ALT, EntityLabels, best_label, preferred

SKOS_PREF = str(SKOS.prefLabel)
LOOKUP = str(NG.lookupKey)
CONTENT_HASH = str(NG.contentHash)
SAME_AS = str(OWL.sameAs)
#: what a document graph of a store with ``label_graphs`` keeps of the document
KEPT = frozenset((*LABELS, CONTENT_HASH))


def _values(nodes: Iterable[str]) -> str:
    return " ".join(f"<{n}>" for n in sorted(set(nodes)))


def stored_hash(backend: Backend, iris: Iris, key: str) -> str | None:
    """The content hash of the version of a document the store holds, or None."""
    rows = backend.select(
        f"SELECT ?h WHERE {{ GRAPH <{iris.document_graph(key)}> {{ <{iris.document(key)}> <{CONTENT_HASH}> ?h }} }}"
    )
    return rows[0][0].value if rows else None


def known_entities(backend: Backend, iris: Iris, entities: Sequence[Entity]) -> list[Known]:
    """The store's entities a document's entities might be: same key, or a shared lookup key."""
    index = _index(backend, iris)
    if index is not None:
        return index.known(entities)
    if not entities:
        return []
    keys = sorted({k for e in entities for k in lookup_keys(e.type, (e.name, *e.aliases))})
    literals = " ".join(str(Literal(k)) for k in keys)
    by_lookup = (f"{{ VALUES ?k {{ {literals} }} GRAPH <{iris.entities_graph()}> {{ ?e <{LOOKUP}> ?k }} }} UNION"
                 if keys else "")
    by_key = _values(str(iris.entity(e.key)) for e in entities)
    rows = backend.select(
        f"SELECT ?e ?l WHERE {{ {by_lookup} {{ VALUES ?e {{ {by_key} }} }} ?e <{RDFS_LABEL}>|<{SKOS_ALT}> ?l }}"
    )
    names: dict[str, set[str]] = {}
    for e, label in rows:
        names.setdefault(e.value, set()).add(label.value)
    known = []
    for iri, found in names.items():
        key = iris.key_of(iri)
        etype = type_of_key(key) if key else None
        if etype is not None:
            known.append(Known(key, etype, frozenset(found)))
    return sorted(known, key=lambda k: k.key)


def _touched_in(backend: Backend, graph: str) -> set[str]:
    rows = backend.select(f"SELECT DISTINCT ?e WHERE {{ GRAPH <{graph}> {{ ?e <{RDFS_LABEL}> ?l }} }}")
    return {e.value for (e,) in rows}


def _derived(backend: Backend, iris: Iris, graph: str, entities: set[str],
             new: DocumentTriples | None, merges: dict[str, str]) -> tuple[list[str], list[str]]:
    """N-Triples lines for ``entities``: of the entities graph, and of the default graph (prefLabels);
    the labels of a retired IRI count for the IRI it is merged into."""
    if not entities:
        return [], []
    pairs = " ".join(f"(<{e}> <{p}>)" for e in sorted(entities | set(merges)) for p in (RDFS_LABEL, SKOS_ALT))
    rows = backend.select(  # one VALUES of (entity, property) pairs: a third of the time of two joined ones
        f"SELECT ?e ?p ?l ?g WHERE {{ VALUES (?e ?p) {{ {pairs} }}"
        f" GRAPH ?g {{ ?e ?p ?l }} FILTER(?g != <{graph}> && ?g != <{iris.entities_graph()}>) }}"
    )
    labels = [(merges.get(e.value, e.value), p.value, label.value, g.value) for e, p, label, g in rows]
    labels += [(s, p, label, graph) for s, p, label in _labels(new) if s in entities]
    canonical: dict[str, Counter[str]] = {}
    every: dict[str, set[str]] = {}
    for e, p, label, g in set(labels):
        every.setdefault(e, set()).add(label)
        if p == RDFS_LABEL:
            canonical.setdefault(e, Counter())[label] += 1
    entity_lines, default_lines = [], []
    for e in sorted(every):
        key = iris.key_of(e)
        etype = type_of_key(key) if key else None
        if e in canonical:
            pref = f"<{e}> <{SKOS_PREF}> {Literal(best_label(canonical[e]), language='en')} ."
            entity_lines.append(pref)
            default_lines.append(pref)
        if etype is not None:
            entity_lines += [f"<{e}> <{LOOKUP}> {Literal(k)} ." for k in sorted(lookup_keys(etype, every[e]))]
    return entity_lines, default_lines


def _merge(retired: str, survivor: str, egraph: str) -> list[str]:
    """Every statement about or pointing to a retired IRI, in every graph, moves to the IRI it is
    merged into, and the retired IRI is left ``owl:sameAs`` it, so links to it still resolve."""
    r, s = f"<{retired}>", f"<{survivor}>"
    return [
        f"DELETE {{ GRAPH ?g {{ {r} ?p ?o }} }} INSERT {{ GRAPH ?g {{ {s} ?p ?o }} }} WHERE {{ GRAPH ?g {{ {r} ?p ?o }} }}",
        f"DELETE {{ GRAPH ?g {{ ?x ?p {r} }} }} INSERT {{ GRAPH ?g {{ ?x ?p {s} }} }} WHERE {{ GRAPH ?g {{ ?x ?p {r} }} }}",
        f"DELETE {{ {r} ?p ?o }} INSERT {{ {s} ?p ?o }} WHERE {{ {r} ?p ?o }}",
        f"DELETE {{ ?x ?p {r} }} INSERT {{ ?x ?p {s} }} WHERE {{ ?x ?p {r} }}",
        f"INSERT DATA {{ GRAPH <{egraph}> {{ {r} <{SAME_AS}> {s} }} {r} <{SAME_AS}> {s} }}",
    ]


def _label_graphs(backend: Backend) -> TypeGuard[LocalBackend]:
    """Whether the document graphs of ``backend`` keep only what ``KEPT`` names."""
    return isinstance(backend, LocalBackend) and backend.label_graphs


def _in_graph(backend: Backend, doc: DocumentTriples, statements: list[str]) -> list[str]:
    """What the document graph holds of ``doc``'s ``statements``: all of them, or what ``KEPT``
    names on a store with ``label_graphs``."""
    if not _label_graphs(backend):
        return statements
    return [t for t, (_, p, _) in zip(statements, doc.triples, strict=True) if p.value in KEPT]


def _change(backend: Backend, iris: Iris, key: str, doc: DocumentTriples | None, entities: set[str],
            merges: dict[str, str] | None = None) -> str:
    graph = str(iris.document_graph(key))
    egraph = str(iris.entities_graph())
    if _label_graphs(backend) and backend.holds_graph(graph):
        raise GraphError(f"{backend.location}: a store that keeps only labels in its document graphs cannot"
                         f" replace or remove {key!r}; build into a store folder (--store DIR) instead")
    merges = merges or {}
    touched = (_touched_in(backend, graph) | entities | set(merges.values())) - set(merges)
    entity_lines, default_lines = _derived(backend, iris, graph, touched, doc, merges)
    statements = doc.statements() if doc is not None else []
    triples = "\n".join(f"{t} ." for t in statements)
    in_graph = "\n".join(f"{t} ." for t in _in_graph(backend, doc, statements)) if doc is not None else ""
    parts = [update for retired, survivor in sorted(merges.items()) for update in _merge(retired, survivor, egraph)]
    parts += [
        # what only the old version held leaves the default graph
        (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }}"
         f" FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h != <{graph}>) }} }}"),
        f"DROP SILENT GRAPH <{graph}>",
    ]
    if touched:
        values = _values(touched)
        parts += [
            (f"DELETE {{ GRAPH <{egraph}> {{ ?e ?p ?o }} }} WHERE {{ VALUES ?e {{ {values} }}"
             f" GRAPH <{egraph}> {{ ?e ?p ?o }} FILTER(?p != <{SAME_AS}>) }}"),
            f"DELETE {{ ?e <{SKOS_PREF}> ?o }} WHERE {{ VALUES ?e {{ {values} }} ?e <{SKOS_PREF}> ?o }}",
        ]
    if doc or entity_lines:
        entity_block = "\n".join(entity_lines)
        default_block = "\n".join(default_lines)
        parts.append(
            f"INSERT DATA {{ GRAPH <{graph}> {{\n{in_graph}\n}}\n{triples}\n"
            f"GRAPH <{egraph}> {{\n{entity_block}\n}}\n{default_block}\n}}"
        )
    return " ;\n".join(parts)


def _index(backend: Backend, iris: Iris) -> EntityLabels | None:
    """The entity index in memory of a store in this process, else None. It is read (one query
    over every document's labels) once the backend has written a document: the first document
    goes through SPARQL, which reads only what it needs, so adding one article to a large store
    costs what it did."""
    if not isinstance(backend, LocalBackend) or (backend.labels is None and not backend.written):
        return None
    if backend.labels is None or backend.labels.iris.base != iris.base:
        backend.labels = EntityLabels.load(backend, iris)
    return backend.labels


def _labels(doc: DocumentTriples | None) -> list[tuple[str, str, str]]:
    """(entity, property, label) of the document's rdfs:label and skos:altLabel triples."""
    if doc is None:
        return []
    return [(s.value, p.value, o.value) for s, p, o in doc.triples if p.value in LABELS]


def replace_document(backend: Backend, iris: Iris, key: str, quads: Sequence[Quad] | DocumentTriples, *,
                     merges: dict[str, str] | None = None) -> None:
    """Put a document's quads (all in ``iris.document_graph(key)``), or its ``DocumentTriples``,
    in place of any older version; ``merges`` (retired entity key -> key) are the store's entities
    the document shows to be one."""
    doc = quads if isinstance(quads, DocumentTriples) else DocumentTriples(
        NamedNode(str(iris.document_graph(key))), tuple((q.subject, q.predicate, q.object) for q in quads))
    labels = _labels(doc)
    entities = {e for e, p, _ in labels if p == RDFS_LABEL}
    iri_merges = {str(iris.entity(r)): str(iris.entity(s)) for r, s in (merges or {}).items()}
    index = _index(backend, iris)
    if index is None:  # a remote store, or a first document: the update reads what it needs
        backend.update(_change(backend, iris, key, doc, entities, iri_merges))
        if isinstance(backend, LocalBackend):
            backend.written = True
        return
    graph = str(iris.document_graph(key))
    if not iri_merges and not backend.holds_graph(graph):
        _add_new(backend, index, doc, labels, entities)
        return
    affected = _touched_in(backend, graph) | entities | set(iri_merges) | set(iri_merges.values())
    backend.update(_change(backend, iris, key, doc, entities, iri_merges))
    backend.labels = index
    index.refresh(backend, affected)


def _add_new(backend: LocalBackend, index: EntityLabels, doc: DocumentTriples,
             labels: list[tuple[str, str, str]], entities: set[str]) -> None:
    """A document the store does not hold, with no merge (the common case): what ``_change`` would
    write, derived from the index in memory, as N-Quads loaded in one transaction; when a
    preferred label changes, the old one goes in the same SPARQL update as the rest."""
    names = index.added(labels)
    egraph = f"<{index.graph}>"
    derived: list[tuple[str, str | None]] = []  # preferred labels and lookup keys that come in
    remove: list[tuple[str, str | None]] = []
    for e in sorted(entities):
        old, new = index.names.get(e, Counter()), names[e]
        before, after = preferred(old), preferred(new)
        if before != after:
            for label, into in ((before, remove), (after, derived)):
                if label is not None:
                    t = f"<{e}> <{SKOS_PREF}> {Literal(label, language='en')}"
                    into += [(t, egraph), (t, None)]
        had, has = index.lookup_keys_of(e, old), index.lookup_keys_of(e, new)
        derived += [(f"<{e}> <{LOOKUP}> {Literal(k)}", egraph) for k in sorted(has - had)]
        remove += [(f"<{e}> <{LOOKUP}> {Literal(k)}", egraph) for k in sorted(had - has)]
    statements = doc.statements()
    in_graph = _in_graph(backend, doc, statements)
    if remove:
        add = [(t, str(doc.graph)) for t in in_graph] + [(t, None) for t in statements] + derived
        backend.update(f"DELETE DATA {{ {_data(remove)} }} ;\nINSERT DATA {{ {_data(add)} }}")
        backend.labels = index
    else:
        text = (_nquads(in_graph, str(doc.graph)) + _nquads(statements, None)
                + "".join(f"{t} {g} .\n" if g else f"{t} .\n" for t, g in derived))
        backend.load_nquads(text, len(in_graph) + len(statements) + len(derived), graphs=(doc.graph.value,))
    for e, n in names.items():
        index.set(e, n)


def _nquads(statements: list[str], graph: str | None) -> str:
    """N-Triples statements (without their dots) as N-Quads lines in ``graph`` (None: the default
    graph); one join, not a format per line."""
    if not statements:
        return ""
    end = f" {graph} .\n" if graph else " .\n"
    return end.join(statements) + end


def _data(statements: Iterable[tuple[str, str | None]]) -> str:
    """Statements (N-Triples terms and a graph, None for the default graph) as the body of
    INSERT DATA or DELETE DATA."""
    return "\n".join(f"{t} ." if g is None else f"GRAPH {g} {{ {t} . }}" for t, g in statements)


def remove_document(backend: Backend, iris: Iris, key: str) -> bool:
    """Take a document out with everything only it supported; False when the store does not hold it."""
    if stored_hash(backend, iris, key) is None:
        return False
    index = _index(backend, iris)
    affected = _touched_in(backend, str(iris.document_graph(key))) if index is not None else set()
    backend.update(_change(backend, iris, key, None, set()))
    if index is not None:
        backend.labels = index
        index.refresh(backend, affected)
    elif isinstance(backend, LocalBackend):
        backend.written = True
    return True


def find_documents(backend: Backend, iris: Iris, name: str, root: str) -> list[str]:
    """The keys of the stored documents ``name`` names: its key, its IRI, its URL or its path
    (relative to ``root``, as the build named it), with the parts a long text was built as."""
    from ..ingest.keys import published_source

    key = name.removeprefix(str(iris.document("")))
    if stored_hash(backend, iris, key) is not None:
        return [key]
    source = published_source(name, root)
    rows = backend.select(
        f"SELECT ?g ?s WHERE {{ GRAPH ?g {{ ?d <{NG.source}>|<{SCHEMA.url}> ?s }} }}"
    )
    prefix = str(iris.document_graph(""))
    wanted = {source, name}
    return sorted({g.value[len(prefix):] for g, s in rows if g.value.startswith(prefix)
                   and (s.value in wanted or any(s.value.startswith(f"{w}#part-") for w in wanted))})

"""The entity index an embedded store keeps in memory (store/labels.py) and its scratch store.

A store in this process is written from the index in memory, without a query; the same
documents written through SPARQL alone (the path of a remote store) must give the same
quads, and the index must say what a fresh read of the store says. No model: documents
are hand-made quads, as in test_store_merge.py.
"""
from __future__ import annotations

import pytest
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, QuerySolutions, Store, Triple

from newsgraph.errors import GraphError
from newsgraph.graph.iris import Iris
from newsgraph.store.backend import LocalBackend
from newsgraph.store.documents import known_entities, remove_document, replace_document
from newsgraph.store.labels import EntityLabels
from newsgraph.types import Entity, EntityType

IRIS = Iris("https://example.org/id/")
LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
ALT = NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
HASH = NamedNode("https://w3id.org/newsgraph/ontology#contentHash")
MENTIONS = NamedNode("https://example.org/mentions")


class SparqlOnly:
    """The Backend protocol over a real Store through SPARQL text alone, as a remote store is written."""

    location = "sparql"

    def __init__(self) -> None:
        self.store = Store()

    def select(self, query: str):
        solutions = self.store.query(query)
        assert isinstance(solutions, QuerySolutions)
        names = [v.value for v in solutions.variables]
        return [tuple(row[n] for n in names) for row in solutions]

    def update(self, update: str) -> None:
        self.store.update(update)

    def close(self) -> None:
        pass


def document(key: str, version: str, *entities: tuple[str, str, tuple[str, ...]]) -> list[Quad]:
    graph = NamedNode(str(IRIS.document_graph(key)))
    doc = NamedNode(str(IRIS.document(key)))
    quads = [Quad(doc, HASH, Literal(version), graph)]
    for entity_key, name, aliases in entities:
        node = NamedNode(str(IRIS.entity(entity_key)))
        quads += [Quad(node, LABEL, Literal(name, language="en"), graph), Quad(doc, MENTIONS, node, graph)]
        quads += [Quad(node, ALT, Literal(a, language="en"), graph) for a in aliases]
    return quads


#: new documents (the same preferred label, a fuller one, a tie broken by counts), a merge,
#: a replaced document and a removed one
STEPS = [
    ("add", "a", document("a", "1", ("person/lind", "Lind", ()), ("org/knu", "KNU", ()))),
    ("add", "b", document("b", "1", ("person/lind", "Maria Lind", ("Ms Lind",)))),
    ("add", "c", document("c", "1", ("person/lind", "Maria Lind", ()), ("org/kenya-nurses-union",
                                                                       "Kenya Nurses Union", ()))),
    ("add", "d", document("d", "1", ("org/knu", "Nurses Union", ()), ("person/okoro", "Okoro", ()))),
    ("add", "e", document("e", "1", ("org/knu", "Kenya Nurses", ()))),
    ("merge", "f", document("f", "1", ("org/kenya-nurses-union", "Kenya Nurses Union", ("KNU",)))),
    ("add", "b", document("b", "2", ("person/lind", "Maria T. Lind", ()), ("person/okoro", "Ada Okoro", ()))),
    ("remove", "c", []),
    ("add", "g", document("g", "1", ("person/lind", "Lind", ()))),
    ("add", "p1", document("p1", "1", ("place/port", "Port City", ()))),
    ("add", "p2", document("p2", "1", ("place/port", "Harbour Town", ()))),  # a tie: code-point order
    ("add", "p3", document("p3", "1", ("place/port", "Port City", ()))),  # two documents against one
]


def write(backend) -> None:
    for step, key, quads in STEPS:
        if step == "remove":
            assert remove_document(backend, IRIS, key)
        else:
            merges = {"org/knu": "org/kenya-nurses-union"} if step == "merge" else None
            replace_document(backend, IRIS, key, quads, merges=merges)


def every_quad(store: Store) -> set[str]:
    return {str(q) for q in store}


def test_the_store_written_from_the_index_in_memory_is_the_store_sparql_writes():
    local, sparql = LocalBackend(), SparqlOnly()
    write(local)
    write(sparql)
    assert every_quad(local.store) == every_quad(sparql.store)
    assert local.labels is not None  # it was kept, not read again
    fresh = EntityLabels.load(local, IRIS)
    assert local.labels.names == fresh.names
    assert local.labels.by_lookup == fresh.by_lookup
    asked = [Entity("person/lind", EntityType.PERSON, "Lind"), Entity("org/knu", EntityType.ORGANISATION, "KNU"),
             Entity("person/ada-okoro", EntityType.PERSON, "Ada Okoro", ("Okoro",)),
             Entity("org/nurses", EntityType.ORGANISATION, "Kenya Nurses Union")]
    for entity in asked:
        assert known_entities(local, IRIS, [entity]) == known_entities(sparql, IRIS, [entity]), entity
    assert known_entities(local, IRIS, asked) == known_entities(sparql, IRIS, asked)


def test_an_update_from_elsewhere_makes_the_backend_forget_its_index():
    local = LocalBackend()
    write(local)
    lind = Entity("person/lind", EntityType.PERSON, "Lind")
    assert {k.key: k.names for k in known_entities(local, IRIS, [lind])} == {
        "person/lind": frozenset({"Lind", "Maria T. Lind"})}
    triple = f'<{IRIS.entity("person/lind")}> <{LABEL.value}> "Lindy"@en .'
    local.update(f"INSERT DATA {{ GRAPH <{IRIS.document_graph('h')}> {{ {triple} }} {triple} }}")
    assert local.labels is None
    assert {k.key: k.names for k in known_entities(local, IRIS, [lind])} == {
        "person/lind": frozenset({"Lind", "Maria T. Lind", "Lindy"})}


def test_a_scratch_store_that_moves_to_disk_holds_what_one_in_memory_holds(tmp_path):
    spilled = LocalBackend(spill=str(tmp_path / "scratch"), spill_after=3)
    write(spilled)
    memory = LocalBackend()
    write(memory)
    assert spilled.location == str(tmp_path / "scratch") and (tmp_path / "scratch").is_dir()
    assert every_quad(spilled.store) == every_quad(memory.store)
    spilled.close()


def test_a_scratch_store_on_disk_gathers_new_documents_and_shows_them_to_any_read(tmp_path, monkeypatch):
    from newsgraph.store import backend as backend_module

    monkeypatch.setattr(backend_module, "BULK_QUADS", 10_000)  # nothing here reaches it: only reads write
    spilled = LocalBackend(spill=str(tmp_path / "scratch"), spill_after=1)
    replace_document(spilled, IRIS, "a", document("a", "1", ("person/lind", "Lind", ())))  # moves to disk
    replace_document(spilled, IRIS, "h", document("h", "1", ("person/okoro", "Okoro", ())))
    graph = str(IRIS.document_graph("h"))
    assert spilled._pending and spilled.holds_graph(graph)  # gathered, not yet loaded, yet known
    assert not spilled.holds_graph(str(IRIS.document_graph("z")))
    hashes = spilled.select(f"SELECT ?h WHERE {{ GRAPH <{graph}> {{ ?d <{HASH.value}> ?h }} }}")
    assert [h.value for (h,) in hashes] == ["1"] and not spilled._pending  # a read loads them first
    spilled.close()


def test_a_scratch_store_on_disk_loads_what_it_gathered_once_it_reaches_the_bulk_size(tmp_path, monkeypatch):
    from newsgraph.store import backend as backend_module

    monkeypatch.setattr(backend_module, "BULK_QUADS", 4)
    spilled = LocalBackend(spill=str(tmp_path / "scratch"), spill_after=1)
    replace_document(spilled, IRIS, "a", document("a", "1", ("person/lind", "Lind", ())))
    replace_document(spilled, IRIS, "h", document("h", "1", ("person/okoro", "Okoro", ())))
    assert not spilled._pending  # more than four quads: loaded at once
    assert len(spilled._store) > 0 and spilled.holds_graph(str(IRIS.document_graph("h")))
    spilled.close()


def test_an_update_on_a_scratch_store_on_disk_sees_the_documents_it_gathered(tmp_path):
    """The second document takes the preferred label away from one the first, still gathered, gave."""
    steps = [("a", document("a", "1", ("person/lind", "Lind", ()))),
             ("p1", document("p1", "1", ("place/port", "Port City", ()))),
             ("p2", document("p2", "1", ("place/port", "Harbour Town", ())))]  # a tie: code-point order
    spilled = LocalBackend(spill=str(tmp_path / "scratch"), spill_after=1)
    memory = LocalBackend()
    for backend in (spilled, memory):
        for key, quads in steps:
            replace_document(backend, IRIS, key, quads)
    assert every_quad(spilled.store) == every_quad(memory.store)
    pref = "http://www.w3.org/2004/02/skos/core#prefLabel"
    port = IRIS.entity("place/port")
    assert [row[0].value for row in spilled.select(f"SELECT ?l WHERE {{ <{port}> <{pref}> ?l }}")] == ["Harbour Town"]
    spilled.close()


def graph_of(store: Store, graph, *, leave_out: NamedNode | None = None) -> set[str]:
    return {str(Triple(q.subject, q.predicate, q.object)) for q in store.quads_for_pattern(None, None, None, graph)
            if q.predicate != leave_out}


def test_a_store_of_label_graphs_derives_the_default_and_entities_graphs_a_full_store_does(tmp_path):
    """New documents and a merge (what a build that only writes files does): the same default graph
    and entities graph, and document graphs that keep only labels and the content hash."""
    added = STEPS[:6] + STEPS[8:]  # no replaced or removed document
    assert [key for _, key, _ in added] == ["a", "b", "c", "d", "e", "f", "g", "p1", "p2", "p3"]
    full, thin = LocalBackend(), LocalBackend(label_graphs=True)
    spilled = LocalBackend(spill=str(tmp_path / "scratch"), spill_after=1, label_graphs=True)
    for backend in (full, thin, spilled):
        for step, key, quads in added:
            merges = {"org/knu": "org/kenya-nurses-union"} if step == "merge" else None
            replace_document(backend, IRIS, key, quads, merges=merges)
    egraph = NamedNode(str(IRIS.entities_graph()))
    for backend in (thin, spilled):
        assert graph_of(backend.store, DefaultGraph()) == graph_of(full.store, DefaultGraph())
        assert graph_of(backend.store, egraph) == graph_of(full.store, egraph)
        for _, key, _ in added:
            graph = NamedNode(str(IRIS.document_graph(key)))
            assert graph_of(backend.store, graph) == graph_of(full.store, graph, leave_out=MENTIONS), key
    assert len(thin.store) < len(full.store)
    assert thin.labels.names == EntityLabels.load(thin, IRIS).names  # the index reads the same counts
    spilled.close()


def test_a_store_of_label_graphs_refuses_to_replace_or_remove_a_document():
    thin = LocalBackend(label_graphs=True)
    replace_document(thin, IRIS, "a", document("a", "1", ("person/lind", "Lind", ())))
    replace_document(thin, IRIS, "b", document("b", "1", ("person/lind", "Maria Lind", ())))
    before = every_quad(thin.store)
    with pytest.raises(GraphError, match="cannot replace or remove 'a'"):
        replace_document(thin, IRIS, "a", document("a", "2", ("person/lind", "Lind", ())))
    with pytest.raises(GraphError, match="cannot replace or remove 'b'"):
        remove_document(thin, IRIS, "b")
    assert every_quad(thin.store) == before

"""The entity index: matching a document's entities to the store's, and merging those it shows to be one.

No model: entities are records, and a store's documents are written from hand-made quads.
"""
from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Quad

from newsgraph.graph.iris import Iris
from newsgraph.resolve.index import Known, match_or_merge
from newsgraph.store.backend import LocalBackend
from newsgraph.store.documents import replace_document
from newsgraph.types import Entity, EntityType

P, O = EntityType.PERSON, EntityType.ORGANISATION
IRIS = Iris("https://example.org/id/")
LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
PREF = NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
SAME_AS = NamedNode("http://www.w3.org/2002/07/owl#sameAs")
MENTIONS = NamedNode("https://example.org/mentions")


def known(key: str, *names: str) -> Known:
    return Known(key, P if key.startswith("person/") else O, frozenset(names))


def test_a_surname_is_the_one_person_of_the_store_who_bears_it():
    store = [known("person/antony-blinken", "Antony Blinken"), known("person/mark-rutte", "Mark Rutte")]
    assert match_or_merge(Entity("person/blinken", P, "Blinken", ("Mr Blinken",)), store) == (
        "person/antony-blinken", ())


def test_a_surname_two_people_bear_is_a_new_entity_and_merges_nothing():
    store = [known("person/joe-biden", "Joe Biden"), known("person/hunter-biden", "Hunter Biden")]
    assert match_or_merge(Entity("person/biden", P, "Biden"), store) == (None, ())


def test_another_first_name_is_another_person():
    store = [known("person/joe-biden", "Joe Biden", "Biden")]
    assert match_or_merge(Entity("person/hunter-biden", P, "Hunter Biden"), store) == (None, ())


def test_a_middle_name_is_the_same_person():
    store = [known("person/antony-blinken", "Antony Blinken")]
    assert match_or_merge(Entity("person/antony-john-blinken", P, "Antony John Blinken"), store) == (
        "person/antony-blinken", ())


def test_an_organisation_named_by_two_names_the_store_knew_apart_merges_them():
    store = [known("org/knu", "KNU"), known("org/kenya-nurses-union", "Kenya Nurses Union")]
    entity = Entity("org/kenya-nurses-union", O, "Kenya Nurses Union", ("KNU",))
    assert match_or_merge(entity, store) == ("org/kenya-nurses-union", ("org/knu",))


def test_a_state_is_matched_by_its_code_alone():
    state = Entity("state/KEN", EntityType.STATE, "Kenya")
    assert match_or_merge(state, [Known("state/KEN", EntityType.STATE, frozenset({"Kenya"}))]) == ("state/KEN", ())
    assert match_or_merge(state, []) == (None, ())


def document(key: str, *entities: tuple[str, str]) -> list[Quad]:
    graph = NamedNode(str(IRIS.document_graph(key)))
    doc = NamedNode(str(IRIS.document(key)))
    quads = []
    for entity_key, name in entities:
        node = NamedNode(str(IRIS.entity(entity_key)))
        quads += [Quad(node, LABEL, Literal(name, language="en"), graph), Quad(doc, MENTIONS, node, graph)]
    return quads


def test_a_merge_moves_every_statement_and_leaves_owl_same_as_from_the_retired_iri():
    backend = LocalBackend()
    replace_document(backend, IRIS, "one", document("one", ("org/knu", "KNU")))
    replace_document(backend, IRIS, "two", document("two", ("org/kenya-nurses-union", "Kenya Nurses Union")))
    replace_document(backend, IRIS, "three", document("three", ("org/kenya-nurses-union", "Kenya Nurses Union"),
                                                       ("org/kenya-nurses-union", "KNU")),
                     merges={"org/knu": "org/kenya-nurses-union"})
    store = backend.store
    retired, survivor = (NamedNode(str(IRIS.entity(k))) for k in ("org/knu", "org/kenya-nurses-union"))
    assert list(store.quads_for_pattern(retired, None, None)) == [
        q for q in store.quads_for_pattern(retired, SAME_AS, survivor)]
    assert {str(q.graph_name) for q in store.quads_for_pattern(retired, SAME_AS, survivor)} == {
        f"<{IRIS.entities_graph()}>", "DEFAULT"}  # in the entities graph, and so in the default graph
    assert not list(store.quads_for_pattern(None, None, retired))
    one = NamedNode(str(IRIS.document("one")))
    assert list(store.quads_for_pattern(one, MENTIONS, survivor, NamedNode(str(IRIS.document_graph("one")))))
    prefs = [q.object.value for q in store.quads_for_pattern(survivor, PREF, None)]
    assert prefs.count("Kenya Nurses Union") == len(prefs) >= 1  # one preferred label, in each graph it is kept in

"""extract_relations over real documents: provenance, the graph contract, determinism.

The dev corpus (../shared/corpus/dev) is read at run time; nothing from it is
copied here. The checks hold for any input: they are about the records'
shape, not about what the texts say.
"""
from __future__ import annotations

import re

import pytest

from newsgraph.types import ACTOR_TYPES, EntityType

pytestmark = pytest.mark.slow

EXTRACTOR = re.compile(r"^(roles|events)\.[a-z]+\.v[0-9]+$")


@pytest.fixture(scope="module")
def dev_run(shared_dev, nlp):
    from newsgraph.ingest import read_inputs
    from newsgraph.nlp import analyse_documents
    from newsgraph.relations import extract_relations
    from newsgraph.resolve import resolve_entities

    documents = list(read_inputs([str(p) for p in sorted(shared_dev.glob("*.txt"))]))
    analysed = list(analyse_documents(documents, nlp=nlp))
    resolution = resolve_entities(analysed)
    memberships, events = extract_relations(analysed, resolution)
    return analysed, resolution, memberships, events


def test_the_dev_corpus_gives_memberships_and_events(dev_run):
    _, _, memberships, events = dev_run
    assert memberships and events


def test_every_record_has_evidence_that_quotes_its_document(dev_run):
    analysed, _, memberships, events = dev_run
    texts = {ad.document.key: ad.document.text for ad in analysed}
    for record in [*memberships, *events]:
        assert record.provenance
        for p in record.provenance:
            assert texts[p.document][p.sentence_start:p.sentence_end] == p.sentence_text
            assert EXTRACTOR.match(p.extractor), p.extractor
            assert 0.0 <= p.confidence <= 1.0


def test_memberships_link_a_person_to_an_organisation_state_or_place(dev_run):
    _, resolution, memberships, _ = dev_run
    types = {e.key: e.type for e in resolution.entities}
    for m in memberships:
        assert types[m.person] is EntityType.PERSON
        assert m.organisation is None or types[m.organisation] in {EntityType.ORGANISATION, EntityType.STATE,
                                                                  EntityType.PLACE}
        assert m.role == m.role.casefold().strip() and m.role


def test_events_have_an_actor_agent_and_at_most_one_other_actor_as_target(dev_run):
    from newsgraph.relations.lexicons import PLOVER_TYPES

    _, resolution, _, events = dev_run
    types = {e.key: e.type for e in resolution.entities}
    assert any(e.target is None for e in events) and any(e.target is not None for e in events)
    for e in events:
        assert e.type in PLOVER_TYPES
        assert types[e.agent] in ACTOR_TYPES and (e.target is None or types[e.target] in ACTOR_TYPES)
        assert e.agent != e.target
        assert e.place is None or types[e.place] is EntityType.PLACE
        assert e.modality in {"asserted", "hypothetical"}  # never negated


def test_output_is_sorted_and_free_of_duplicates(dev_run):
    _, _, memberships, events = dev_run
    keys = [(m.person, m.role, m.organisation or "", m.former, m.nominated, m.elect) for m in memberships]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    ekeys = [(e.type, e.agent, e.target or "") for e in events]
    assert ekeys == sorted(ekeys)


def test_the_same_input_in_another_order_gives_the_same_records(dev_run):
    from newsgraph.relations import extract_relations

    analysed, resolution, memberships, events = dev_run
    again = extract_relations(list(reversed(analysed)), resolution)
    assert again == (memberships, events)


def test_every_record_becomes_one_node_of_the_graph(dev_run):
    from rdflib.namespace import RDF, SKOS

    from newsgraph.pipeline import BuildResult, to_graph
    from newsgraph.vocab import NG, ORG, PROV

    analysed, resolution, memberships, events = dev_run
    graph = to_graph(BuildResult(tuple(analysed), resolution, tuple(memberships), tuple(events)))
    assert len(set(graph.subjects(RDF.type, ORG.Membership))) == len(memberships)
    assert len(set(graph.subjects(RDF.type, NG.Event))) == len(events)
    for node in graph.subjects(RDF.type, ORG.Role):
        assert len(set(graph.objects(node, SKOS.prefLabel))) == 1
    for node in graph.subjects(RDF.type, NG.Event):
        assert set(graph.objects(node, PROV.wasDerivedFrom))


def test_the_graph_of_the_records_conforms_to_the_shapes(dev_run):
    from pyshacl import validate
    from rdflib import Graph

    from newsgraph.pipeline import BuildResult, to_graph
    from newsgraph.resources import read_text

    analysed, resolution, memberships, events = dev_run
    graph = to_graph(BuildResult(tuple(analysed), resolution, tuple(memberships), tuple(events)))
    shapes = Graph().parse(data=read_text("shapes.ttl"), format="turtle")
    conforms, _, text = validate(graph, shacl_graph=shapes, inference="none")
    assert conforms, text[:3000]

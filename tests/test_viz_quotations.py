"""Quotations in the network view: read from the quotation contract, listed on their speaker, never edges.

Expected values come from the fixture's Turtle through rdflib's SPARQL.
"""
from __future__ import annotations

import pytest
import rdflib

from newsgraph.viz import load_view
from newsgraph.viz.reader import read_facts
from newsgraph.viz.synthetic import synthetic_graph
from test_viz_fixtures import BASE, NEWS_TTL, UNDIRECTED, expected_edges, expected_nodes, parse, select

MORENO, LINDQVIST, OKAFOR = (BASE + "person/alia-moreno", BASE + "person/tomas-lindqvist", BASE + "person/nadia-okafor")
UKRAINE = BASE + "state/UKR"


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    return parse(NEWS_TTL)


def _utc(value: str) -> str:
    return rdflib.Literal(value, datatype=rdflib.XSD.dateTime).toPython().strftime("%Y-%m-%dT%H:%M:%SZ")


def test_every_quotation_is_read_with_its_speaker_words_cue_and_evidence_sentence(graph):
    rows = select(graph, """SELECT ?q ?speaker ?text ?cue ?direct ?sentence WHERE { ?q a ng:Quotation ;
        schema:text ?text ; ng:cue ?cue ; ng:direct ?direct ; prov:wasDerivedFrom/oa:hasTarget/nif:anchorOf ?sentence .
        OPTIONAL { ?q ng:speaker ?speaker } }""")
    about = {}
    for q, entity in select(graph, "SELECT ?q ?e WHERE { ?q a ng:Quotation ; schema:about ?e }"):
        about.setdefault(q, set()).add(entity)
    facts = {q.iri: q for q in read_facts(graph).quotations}
    assert len(rows) == len(facts) == 4
    for q, speaker, text, cue, direct, sentence in rows:
        fact = facts[q]
        assert (fact.speaker, fact.text, fact.cue, fact.direct) == (speaker, text, cue, direct == "true")
        assert set(fact.about) == about.get(q, set())
        assert [ev.quote.text for ev in fact.evidence] == [sentence]


def test_a_speakers_node_lists_its_quotations_in_time_order_dated_when_reported(graph):
    view = load_view(graph)
    reported = dict(select(graph, "SELECT ?q ?t WHERE { ?q a ng:Quotation ; ng:reportedAt ?t }"))
    published = dict(select(graph, """SELECT ?q ?t WHERE { ?q a ng:Quotation ; prov:wasDerivedFrom/schema:isPartOf ?part .
        ?part schema:datePublished ?t }"""))
    for speaker in (MORENO, LINDQVIST, OKAFOR):
        said = [q for (q,) in select(graph, f"SELECT ?q WHERE {{ ?q ng:speaker <{speaker}> }}")]
        node = view.node(speaker)
        assert [q.id for q in node.quotations] == sorted(said, key=lambda q: _utc(reported.get(q) or published[q]))
        for q in node.quotations:
            assert q.time == _utc(reported.get(q.id) or published[q.id])  # ng:reportedAt, else its article's time
            assert q.time in node.times
            assert q.speaker_label == node.label and q.said_by() == node.label


def test_an_unnamed_source_is_in_the_view_but_on_no_node(graph):
    view = load_view(graph)
    (unnamed,) = [q for (q,) in select(graph, "SELECT ?q WHERE { ?q a ng:Quotation FILTER NOT EXISTS { ?q ng:speaker ?s } }")]
    (found,) = [q for q in view.quotations if q.id == unnamed]
    assert found.speaker is None and found.said_by() == "an unnamed source"
    assert UKRAINE in found.about
    assert all(unnamed not in {q.id for q in n.quotations} for n in view.nodes)


def test_quotations_are_never_edges(graph):
    view = load_view(graph)
    assert len(view.edges) == len(expected_edges(graph))
    assert {n.id for n in view.nodes} == set(expected_nodes(graph))


def test_an_event_or_role_stated_in_a_quotation_says_according_to_whom(graph):
    view = load_view(graph)
    said_by = dict(select(graph, "SELECT ?q ?l WHERE { ?q ng:speaker/skos:prefLabel ?l }"))
    rows = select(graph, """SELECT ?type ?a ?t ?q WHERE { ?e ng:eventType ?type ; ng:agent ?a ; ng:target ?t ;
        ng:accordingTo ?q }""")
    assert rows
    for code, agent, target, q in rows:
        code = code.rsplit("#", 1)[1]
        (edge,) = [e for e in view.edges if e.type == code and {e.source, e.target} == {agent, target}]
        assert edge.according_to == (said_by[q],)
    ((member, org, role, q),) = select(graph, """SELECT ?p ?o ?role ?q WHERE { ?m org:member ?p ; org:organization ?o ;
        org:role/skos:prefLabel ?role ; ng:accordingTo ?q }""")
    (edge,) = [e for e in view.edges if e.kind == "role" and (e.source, e.target) == (member, org)]
    assert edge.according_to == (said_by[q],) and edge.label == role  # the label stays the post alone
    assert f"{role} — {view.node(org).label} (according to {said_by[q]})" in view.node(member).roles
    untold = [e for e in view.edges if (e.type, e.source) not in {(r[0].rsplit("#", 1)[1], r[1]) for r in rows}
              and (e.kind, e.source) != ("role", member)]
    assert untold and all(e.according_to == () for e in untold)


def test_a_focused_view_keeps_only_the_quotations_of_its_nodes(graph):
    full = load_view(graph)
    focused = load_view(graph, focus="Okafor", hops=1)
    kept = {n.id for n in focused.nodes}
    assert MORENO not in kept
    assert {q.id for q in focused.quotations} == {
        q.id for q in full.quotations if q.speaker in kept or any(a in kept for a in q.about)}
    assert len(focused.quotations) < len(full.quotations)


def test_synthetic_quotations_follow_the_contract_and_leave_nodes_and_edges_alone():
    plain = load_view(synthetic_graph(60, 120, seed=2))
    graph = synthetic_graph(60, 120, seed=2, quotations=30)
    view = load_view(graph)
    assert [n.id for n in view.nodes] == [n.id for n in plain.nodes]
    assert [e.id for e in view.edges] == [e.id for e in plain.edges]
    assert len(view.quotations) == 30
    assert any(q.speaker is None for q in view.quotations) and any(not q.direct for q in view.quotations)
    assert all(q.time and q.cue and q.evidence and q.evidence[0].quote.text.endswith(q.text) for q in view.quotations)
    rows = select(graph, "SELECT ?type ?a ?t WHERE { ?e ng:accordingTo ?q ; ng:eventType ?type ; ng:agent ?a ; ng:target ?t }")
    told = set()
    for code, agent, target in rows:
        code = code.rsplit("#", 1)[1]
        told.add((code, frozenset((agent, target)) if code in UNDIRECTED else (agent, target)))
    assert told
    assert {(e.type, (e.source, e.target) if e.directed else frozenset((e.source, e.target)))
            for e in view.edges if e.according_to} == told

"""Event records -> a document's quads: optional target, PLOVER modes and actor sectors (no spaCy model needed)."""
from __future__ import annotations

from datetime import datetime, timezone

import pyoxigraph
import pytest
from pyshacl import validate
from rdflib import Graph, URIRef

from newsgraph.graph.iris import Iris
from newsgraph.graph.rdf import document_quads
from newsgraph.resources import read_text
from newsgraph.types import AnalysedDocument, Document, Entity, EntityType, Event, Provenance, Resolution, Segment
from newsgraph.vocab import NG, PLOVER_IRI, RDF, SECTOR

BASE = "https://w3id.org/newsgraph/id/"
TEXT = "Russian aircraft carried out strikes overnight. Lindqvist met Berger."
STRIKE = Provenance("briefing-0a1b2c3d", None, 0, 47, TEXT[:47], "events.svo.v1", 0.7)
MEETING = Provenance("briefing-0a1b2c3d", None, 48, 69, TEXT[48:], "events.svo.v1", 0.8)
MONDAY = datetime(2024, 5, 6, tzinfo=timezone.utc)


def agent_only() -> Event:
    return Event(type="ASSAULT", agent="state/RUS", modality="asserted", provenance=(STRIKE,),
                 mode="aerial", agent_sector="military")


def meeting() -> Event:
    return Event(type="CONSULT", agent="person/maria-lindqvist", target="person/tomas-berger", time=MONDAY,
                 provenance=(MEETING,))


def as_graph(quads: list[pyoxigraph.Quad]) -> Graph:
    """The triples of one document's quads as an rdflib graph, literals as written."""
    triples = [pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in quads]
    return Graph().parse(data=pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES), format="nt")


def written(*events: Event) -> Graph:
    doc = Document(key="briefing-0a1b2c3d", source="briefing.txt", text=TEXT,
                   content_hash="sha256:" + "0" * 64, segments=(Segment(0, len(TEXT)),))
    entities = (
        Entity(key="state/RUS", type=EntityType.STATE, name="Russia", iso3="RUS", iso2="RU"),
        Entity(key="person/maria-lindqvist", type=EntityType.PERSON, name="Maria Lindqvist"),
        Entity(key="person/tomas-berger", type=EntityType.PERSON, name="Tomas Berger"),
    )
    return as_graph(document_quads(Iris(BASE), AnalysedDocument(doc, (), ()), Resolution(entities, ()), (), events))


def test_an_agent_only_event_is_written_without_a_target():
    g = written(agent_only())
    (node,) = g.subjects(RDF.type, NG.Event)
    assert g.value(node, NG.agent) == URIRef(BASE + "state/RUS")
    assert list(g.objects(node, NG.target)) == []


def test_an_event_with_a_target_still_names_it():
    g = written(meeting())
    (node,) = g.subjects(RDF.type, NG.Event)
    assert g.value(node, NG.target) == URIRef(BASE + "person/tomas-berger")
    assert list(g.objects(node, NG.mode)) == list(g.objects(node, NG.agentSector)) == []


def test_mode_is_written_as_the_plover_mode_iri_and_sectors_as_sector_iris():
    event = Event(type="COERCE", agent="state/RUS", target="person/tomas-berger", provenance=(STRIKE,),
                  mode="arrest", agent_sector="police", target_sector="media")
    g = written(event)
    (node,) = g.subjects(RDF.type, NG.Event)
    assert g.value(node, NG.mode) == URIRef(PLOVER_IRI + "COERCE-arrest")
    assert g.value(node, NG.agentSector) == SECTOR.police
    assert g.value(node, NG.targetSector) == SECTOR.media


def test_an_unknown_sector_or_a_malformed_mode_fails_where_it_is_written():
    with pytest.raises(ValueError, match="not an actor sector"):
        written(Event(type="ASSAULT", agent="state/RUS", provenance=(STRIKE,), agent_sector="army"))
    with pytest.raises(ValueError, match="not a PLOVER mode name"):
        written(Event(type="ASSAULT", agent="state/RUS", provenance=(STRIKE,), mode="air strike"))


def test_the_iri_of_an_event_with_a_target_is_what_it_was_before_targets_became_optional():
    # Pinned from the writer before the change: published IRIs must not move.
    assert Iris(BASE).event(meeting()) == URIRef(BASE + "event/3d1bb4bd3c313d0a")


def test_the_iri_of_an_agent_only_event_hashes_an_empty_target():
    from newsgraph.graph.iris import _digest

    assert Iris(BASE).event(agent_only()) == URIRef(BASE + "event/" + _digest("ASSAULT", "state/RUS", "", "", "briefing-0a1b2c3d"))
    with_target = Event(type="ASSAULT", agent="state/RUS", target="state/UKR", provenance=(STRIKE,))
    assert Iris(BASE).event(with_target) != Iris(BASE).event(agent_only())


def test_mode_and_sectors_do_not_change_an_event_iri():
    plain = Event(type="ASSAULT", agent="state/RUS", provenance=(STRIKE,))
    assert Iris(BASE).event(plain) == Iris(BASE).event(agent_only())


def test_written_agent_only_events_with_mode_and_sector_conform_to_the_shapes():
    shapes = Graph().parse(data=read_text("shapes.ttl"), format="turtle")
    conforms, _, report = validate(written(agent_only(), meeting()), shacl_graph=shapes, inference="none")
    assert conforms, report

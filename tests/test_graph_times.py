"""Stated times and publication times of events in a document's quads: typed by what the text says."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pyoxigraph
import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef

from newsgraph.graph.iris import Iris
from newsgraph.graph.rdf import document_quads
from newsgraph.relations.merge import merge_events
from newsgraph.resources import read_text
from newsgraph.types import AnalysedDocument, Document, Entity, EntityType, Event, Post, Provenance, Resolution, Segment
from newsgraph.vocab import NG, RDF, SCHEMA, SEM

BASE = "https://w3id.org/newsgraph/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"  # a plain string: pytest probes module names, and DefinedNamespace warns
TEXT = "Alpha met Beta. Alpha met Beta again."
FIRST = Provenance("brief-0a1b2c3d", None, 0, 15, TEXT[:15], "events.svo.v1", 0.8)
SECOND = Provenance("brief-0a1b2c3d", None, 16, 37, TEXT[16:], "events.svo.v1", 0.8)
REPORTED = datetime(2024, 11, 13, 8, 30, tzinfo=timezone.utc)


def meeting(**kw) -> Event:
    return Event(type="CONSULT", agent="person/alpha", target="person/beta", provenance=(FIRST,), **kw)


def as_graph(quads: list[pyoxigraph.Quad]) -> Graph:
    """The triples of one document's quads as an rdflib graph, literals as written."""
    triples = [pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in quads]
    return Graph().parse(data=pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES), format="nt")


def written(*events: Event, published=None, posts=()) -> Graph:
    doc = Document(key="brief-0a1b2c3d", source="brief.txt", text=TEXT, published=published, posts=posts,
                   content_hash="sha256:" + "0" * 64, segments=(Segment(0, len(TEXT)),))
    entities = (Entity(key="person/alpha", type=EntityType.PERSON, name="Alpha"),
                Entity(key="person/beta", type=EntityType.PERSON, name="Beta"))
    return as_graph(document_quads(Iris(BASE), AnalysedDocument(doc, (), ()), Resolution(entities, ()), (), events))


def one(g: Graph, p) -> Literal | None:
    (node,) = g.subjects(RDF.type, NG.Event)
    return g.value(node, p)


@pytest.mark.parametrize("value, precision, lexical, datatype", [
    (date(2024, 11, 12), "day", "2024-11-12", "date"),
    (date(2024, 8, 1), "month", "2024-08", "gYearMonth"),
    (date(2016, 1, 1), "year", "2016", "gYear"),
])
def test_a_stated_time_is_typed_by_its_precision(value, precision, lexical, datatype):
    stamp = one(written(meeting(time=value, time_precision=precision, reported=REPORTED)), SEM.hasTimeStamp)
    assert (str(stamp), stamp.datatype) == (lexical, URIRef(XSD + datatype))


def test_no_stated_time_means_no_timestamp_but_the_report_time_is_kept():
    g = written(meeting(reported=REPORTED))
    assert one(g, SEM.hasTimeStamp) is None
    reported = one(g, NG.reportedAt)
    assert reported.datatype == URIRef(XSD + "dateTime") and reported.toPython() == REPORTED


def test_a_date_only_publication_stays_a_date():
    g = written(meeting(reported=date(2024, 11, 13)), published=date(2024, 11, 13))
    reported = one(g, NG.reportedAt)
    assert (str(reported), reported.datatype) == ("2024-11-13", URIRef(XSD + "date"))
    (doc,) = g.subjects(RDF.type, NG.Article)
    published = g.value(doc, SCHEMA.datePublished)
    assert (str(published), published.datatype) == ("2024-11-13", URIRef(XSD + "date"))
    assert "T00:00" not in g.serialize(format="nt")


def test_times_of_every_precision_conform_to_the_shapes():
    shapes = Graph().parse(data=read_text("shapes.ttl"), format="turtle")
    events = [meeting(time=date(2024, 8, 1), time_precision="month", reported=date(2024, 11, 13)),
              Event(type="CONSULT", agent="person/beta", target="person/alpha", provenance=(SECOND,),
                    time=date(2016, 1, 1), time_precision="year", reported=REPORTED),
              Event(type="ACCUSE", agent="person/beta", target="person/alpha", provenance=(SECOND,),
                    time=date(2024, 11, 12), reported=REPORTED)]
    g = written(*events, published=date(2024, 11, 13))
    conforms, _, report = validate(g, shacl_graph=shapes, inference="none")
    assert conforms, report


def test_the_event_iri_keys_on_the_report_day_as_before():
    # Before stated times, ``time`` held the publication time: the IRI must not move.
    before = Iris(BASE).event(meeting(time=REPORTED))
    assert Iris(BASE).event(meeting(reported=REPORTED)) == before
    assert Iris(BASE).event(meeting(time=date(2024, 11, 12), reported=REPORTED)) == before
    assert Iris(BASE).event(meeting(reported=date(2024, 11, 13))) == before


def test_merging_keeps_the_most_precise_stated_time_and_the_first_report():
    later = datetime(2024, 11, 13, 9, 0, tzinfo=timezone.utc)
    merged = merge_events([
        meeting(time=date(2024, 11, 1), time_precision="month", reported=later),
        Event(type="CONSULT", agent="person/beta", target="person/alpha", provenance=(SECOND,),
              time=date(2024, 11, 12), reported=REPORTED),
    ])
    (event,) = merged
    assert (event.time, event.time_precision, event.reported) == (date(2024, 11, 12), "day", REPORTED)


def test_merging_copes_with_dates_and_datetimes_together():
    merged = merge_events([meeting(reported=date(2024, 11, 13)),
                           Event(type="CONSULT", agent="person/alpha", target="person/beta",
                                 provenance=(SECOND,), reported=REPORTED)])
    assert len(merged) == 1 and merged[0].time is None


def test_a_post_with_a_date_only_publication_is_written_as_a_date():
    g = written(posts=(Post(1, 0, len(TEXT), published=date(2024, 11, 13)),))
    (post,) = g.subjects(RDF.type, NG.Post)
    assert g.value(post, SCHEMA.datePublished) == Literal("2024-11-13", datatype=URIRef(XSD + "date"))

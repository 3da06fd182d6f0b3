"""Where events sit on the page's time slider: a stated day, else when they were reported."""
from __future__ import annotations

import rdflib

from newsgraph.viz import load_view
from newsgraph.viz.reader import EventFact
from newsgraph.viz.view import slider_time

ID = "https://w3id.org/newsgraph/id/"
GRAPH = f"""
@prefix ng: <https://w3id.org/newsgraph/ontology#> . @prefix plover: <https://w3id.org/newsgraph/plover#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @base <{ID}> .
<person/alpha> a ng:Person ; skos:prefLabel "Alpha" .
<person/beta> a ng:Person ; skos:prefLabel "Beta" .
<state/GAM> a ng:State ; skos:prefLabel "Gamma" .
<event/1> a ng:Event ; ng:eventType plover:CONSULT ; ng:agent <person/alpha> ; ng:target <person/beta> ;
    sem:hasTimeStamp "2024-11-12"^^xsd:date ; ng:reportedAt "2024-11-13T08:30:00+00:00"^^xsd:dateTime ;
    ng:modality ng:Asserted .
<event/2> a ng:Event ; ng:eventType plover:ACCUSE ; ng:agent <person/alpha> ; ng:target <state/GAM> ;
    ng:reportedAt "2024-11-13T09:00:00+00:00"^^xsd:dateTime ; ng:modality ng:Asserted .
<event/3> a ng:Event ; ng:eventType plover:ASSAULT ; ng:agent <state/GAM> ; ng:target <person/beta> ;
    sem:hasTimeStamp "2016"^^xsd:gYear ; ng:reportedAt "2024-11-13"^^xsd:date ; ng:modality ng:Asserted .
"""


def fact(time=None, reported=None) -> EventFact:
    return EventFact(iri="e", type="CONSULT", agent="a", target="b", place=None, time=time, modality="asserted",
                     evidence=(), reported=reported)


def test_the_slider_uses_a_stated_day_else_the_report_time():
    assert slider_time(fact("2024-11-12", "2024-11-13T08:30:00Z")) == "2024-11-12"
    assert slider_time(fact(None, "2024-11-13T08:30:00Z")) == "2024-11-13T08:30:00Z"
    assert slider_time(fact("2016", "2024-11-13")) == "2024-11-13"  # a year would stretch the slider
    assert slider_time(fact("2024-08", None)) is None


def test_edges_are_placed_by_stated_day_or_report_time():
    view = load_view(rdflib.Graph().parse(data=GRAPH, format="turtle"))
    times = {e.type: e.times for e in view.edges if e.kind == "event"}
    assert times == {"CONSULT": ("2024-11-12",), "ACCUSE": ("2024-11-13T09:00:00Z",), "ASSAULT": ("2024-11-13",)}

"""Real SPARQL clients against `newsgraph serve`: SPARQLWrapper and rdflib's SPARQLStore."""
from __future__ import annotations

import pytest
import rdflib
from rdflib import URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed
from test_serve_support import BASE, start_server, write_small_graph

NG = "https://w3id.org/newsgraph/ontology#"
PREFIX = f"PREFIX ng: <{NG}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    graph = write_small_graph(tmp_path_factory.mktemp("serve") / "graph.trig")
    served = start_server(graph)
    yield served.url + "sparql"
    served.stop()


def wrapper(endpoint: str, query: str, fmt=JSON, method: str = "GET") -> SPARQLWrapper:
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    return client


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_reads_select_answers_as_json(endpoint, method):
    query = PREFIX + "SELECT ?p ?name WHERE { ?p a ng:Person ; rdfs:label ?name } ORDER BY ?p"
    result = wrapper(endpoint, query, JSON, method).queryAndConvert()
    assert [b["p"]["value"] for b in result["results"]["bindings"]] == [
        BASE + "person/ada-okafor", BASE + "person/ben-tallis", BASE + "person/xss"]
    assert result["results"]["bindings"][0]["name"] == {"type": "literal", "value": "Ada Okafor", "xml:lang": "en"}


def test_sparqlwrapper_reads_select_answers_as_xml_and_csv(endpoint):
    query = PREFIX + "SELECT ?p WHERE { ?p a ng:State }"
    document = wrapper(endpoint, query, XML).queryAndConvert()
    assert [u.firstChild.data for u in document.getElementsByTagName("uri")] == [BASE + "state/KEN"]
    table = wrapper(endpoint, query, CSV).queryAndConvert().decode("utf-8")
    assert table.splitlines() == ["p", BASE + "state/KEN"]


def test_sparqlwrapper_reads_construct_as_turtle_and_ask(endpoint):
    construct = PREFIX + "CONSTRUCT { ?p a ng:Person } WHERE { ?p a ng:Person }"
    graph = wrapper(endpoint, construct, TURTLE).queryAndConvert()
    if isinstance(graph, bytes):
        graph = rdflib.Graph().parse(data=graph.decode("utf-8"), format="turtle")
    assert len(graph) == 3
    ask = wrapper(endpoint, PREFIX + "ASK { ?e a ng:Event }", JSON).queryAndConvert()
    assert ask["boolean"] is True


def test_sparqlwrapper_reports_a_malformed_query_as_badly_formed(endpoint):
    with pytest.raises(QueryBadFormed) as raised:
        wrapper(endpoint, "SELECT WHERE {").query()
    assert "invalid SPARQL" in str(raised.value)


def test_rdflib_sparqlstore_queries_the_endpoint_as_a_graph(endpoint):
    graph = rdflib.Graph(store=SPARQLStore(endpoint, returnFormat="json"))
    ada = URIRef(BASE + "person/ada-okafor")
    assert {str(o) for o in graph.objects(ada, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"))} == {
        "Okafor", "President Okafor"}
    rows = list(graph.query(PREFIX + "SELECT ?e WHERE { ?e ng:agent ?a } ORDER BY ?e"))
    assert [str(r.e) for r in rows] == [BASE + "event/e1", BASE + "event/e2"]
    assert graph.query(PREFIX + "ASK { ?e a ng:Event }").askAnswer is True


def test_rdflib_sparqlstore_with_xml_answers(endpoint):
    graph = rdflib.Graph(store=SPARQLStore(endpoint, returnFormat="xml"))
    rows = list(graph.query(PREFIX + "SELECT ?s WHERE { ?s a ng:State }"))
    assert [str(r.s) for r in rows] == [BASE + "state/KEN"]
    constructed = graph.query(PREFIX + "CONSTRUCT { ?s a ng:State } WHERE { ?s a ng:State }")
    assert len(constructed.graph) == 1

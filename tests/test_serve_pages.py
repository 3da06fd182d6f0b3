"""Entity pages, descriptions, the ontology and the query page of `newsgraph serve`, through urllib."""
from __future__ import annotations

import html
import http.client
import json
import re
import urllib.parse

import pytest
import rdflib
from rdflib import RDF, URIRef
from test_serve_support import (
    BASE,
    XSS_NAME,
    XSS_SENTENCE,
    request,
    start_server,
    write_small_graph,
)

from newsgraph import resources

NG = rdflib.Namespace("https://w3id.org/newsgraph/ontology#")
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    graph = write_small_graph(tmp_path_factory.mktemp("serve") / "graph.trig")
    served = start_server(graph)
    yield served.url
    served.stop()


def links(page: str) -> set[str]:
    return set(re.findall(r'href="([^"]*)"', page))


def test_an_entity_page_shows_names_roles_events_quotations_evidence_and_neighbours(server):
    answer = request(server + "person/ada-okafor", headers=BROWSER)
    assert answer.status == 200 and answer.content_type.startswith("text/html")
    page = answer.text
    assert "<h1>Ada Okafor</h1>" in page
    assert "Also called: Okafor, President Okafor" in page
    assert "president of <a href=\"/state/KEN\">Kenya</a>" in page
    assert "<b>CONSULT</b></a> → <a href=\"/person/ben-tallis\">Ben Tallis</a>" in page
    assert "2025-03-03" in page  # when the meeting was
    assert "We will build the road together." in page
    membership, consult = page.split("<h2>Events</h2>")[0], page.split("<b>CONSULT</b>")[1].split("</li>")[0]
    assert "Kenya&#x27;s President Ada Okafor opened the summit." in membership
    assert "President Ada Okafor of Kenya met Prime Minister Ben Tallis on Monday." in consult
    assert "2025-03-04T09:00:00" in consult  # when the article was published
    assert '<a href="/doc/summit-1">Leaders meet at the lakeside summit</a>' in page
    assert {"/person/ben-tallis", "/state/KEN", "/event/e1", "/membership/m1", "/doc/summit-1"} <= links(page)
    assert "<script" not in page.lower()


def test_every_link_on_an_entity_page_leads_to_a_page(server):
    page = request(server + "person/ada-okafor", headers=BROWSER).text
    for href in sorted(links(page)):
        if href.startswith("/"):
            assert request(server + href.lstrip("/"), headers=BROWSER).status == 200, href


def test_an_entity_description_for_a_machine_holds_its_memberships_and_events(server):
    graphs = {}
    for media, fmt in (("text/turtle", "turtle"), ("application/ld+json", "json-ld")):
        answer = request(server + "person/ada-okafor", headers={"Accept": media})
        assert answer.status == 200 and answer.content_type.startswith(media)
        graphs[fmt] = rdflib.Graph().parse(data=answer.text, format=fmt)
    g = graphs["turtle"]
    ada = URIRef(BASE + "person/ada-okafor")
    assert (ada, RDF.type, NG.Person) in g
    assert (URIRef(BASE + "membership/m1"), ORG.member, ada) in g
    assert (URIRef(BASE + "event/e1"), NG.target, URIRef(BASE + "person/ben-tallis")) in g
    assert (URIRef(BASE + "event/e2"), NG.agent, URIRef(BASE + "person/xss")) in g
    assert (URIRef(BASE + "evidence/v1"), NG.extractor, None) in g
    sentence = URIRef(BASE + "doc/summit-1#char=0,60")  # the sentence evidence/v2 annotates
    assert str(g.value(sentence, rdflib.URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf"))
               ).startswith("President Ada Okafor of Kenya met")
    # and nothing else: not the statements of the nodes it only names
    assert (URIRef(BASE + "state/KEN"), NG.iso3, None) not in g
    assert (URIRef(BASE + "person/ben-tallis"), RDF.type, None) not in g
    assert len(g) < 60
    assert set(graphs["json-ld"]) == set(g)


def test_a_format_parameter_gives_the_description_to_a_browser(server):
    answer = request(server + "person/ada-okafor?format=ntriples", headers=BROWSER)
    assert answer.content_type.startswith("application/n-triples")
    assert f"<{BASE}person/ada-okafor> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" in answer.text


def test_an_event_page_lists_its_statements_with_links(server):
    page = request(server + "event/e1", headers=BROWSER).text
    assert "CONSULT" in page and '<a href="/person/ben-tallis">Ben Tallis</a>' in page
    assert '<a href="/evidence/v2">' in page


def test_an_unknown_entity_is_a_404_page(server):
    answer = request(server + "person/nobody-at-all", headers=BROWSER)
    assert answer.status == 404 and answer.content_type.startswith("text/html")
    assert "/person/nobody-at-all" in answer.text
    machine = request(server + "person/nobody-at-all", headers={"Accept": "text/turtle"})
    assert machine.status == 404 and "no node" in machine.text


@pytest.mark.parametrize("path", [
    "/ontology/../../etc/passwd", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
    "/ontology/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd", "/ontology/..%5c..%5cetc%5cpasswd",
    "//etc/passwd", "/person/../../../etc/hostname",
])
def test_a_path_that_climbs_out_reads_no_file(server, path):
    host, port = urllib.parse.urlsplit(server).netloc.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("GET", path, headers=BROWSER)  # sent as is: http.client does not normalise it
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    assert response.status == 404
    assert "root:" not in body and "/bin/" not in body


def test_text_from_articles_is_escaped_on_every_page(server):
    pages = [request(server + path, headers=BROWSER).text
             for path in ("person/xss", "person/ada-okafor", "event/e2", "evidence/v3", "doc/summit-1")]
    for page in pages:
        assert XSS_NAME not in page and "<img" not in page and 'x" onmouseover' not in page
    assert html.escape(XSS_NAME) in pages[0]
    assert html.escape(XSS_SENTENCE) in pages[1]
    assert html.escape('x" onmouseover="alert(2)') in pages[0]


def test_a_javascript_iri_is_shown_as_text_never_as_a_link(server):
    page = request(server + "person/xss", headers=BROWSER).text
    assert "javascript:alert(3)" in page
    assert not any(href.lower().startswith("javascript") for href in links(page))


def test_pages_forbid_scripts_by_their_content_security_policy(server):
    req = urllib.request.Request(server + "person/xss", headers=BROWSER)
    with urllib.request.urlopen(req) as response:
        policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy


def test_the_ontology_is_served_as_turtle_and_as_json_ld(server):
    turtle = request(server + "ontology", headers={"Accept": "text/turtle"})
    assert turtle.status == 200 and turtle.text == resources.read_text("newsgraph.ttl")
    as_json = request(server + "ontology", headers={"Accept": "application/ld+json"})
    parsed = rdflib.Graph().parse(data=as_json.text, format="json-ld")
    assert len(parsed) == len(rdflib.Graph().parse(data=turtle.text, format="turtle"))


def test_the_query_page_offers_the_named_queries_and_loads_nothing_from_elsewhere(server):
    from newsgraph.query.named import named_queries

    page = request(server, headers=BROWSER).text
    assert "<textarea" in page and "fetch('/sparql'" in page
    data = json.loads(re.search(r'<script type="application/json" id="data">(.*?)</script>', page, re.DOTALL).group(1))
    assert [e["name"] for e in data["examples"]] == list(named_queries())
    assert data["base"] == BASE
    assert not re.search(r'(src|href)="(https?:)?//', page), "the page must not load anything from elsewhere"


def test_a_page_route_refuses_post(server):
    answer = request(server + "person/ada-okafor", data=b"x", headers={"Content-Type": "text/plain"})
    assert answer.status == 405

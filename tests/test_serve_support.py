"""Helpers for the endpoint tests (a served graph in a real ``newsgraph serve`` process),
and tests of the pure parts they rest on: content negotiation and path-to-IRI mapping."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from newsgraph.serve.entity import candidate_iris
from newsgraph.serve.negotiation import (
    GRAPH_OFFERS,
    PAGE_OFFERS,
    RESULTS_OFFERS,
    choose,
)
from newsgraph.serve.pages import page_path

BASE = "https://w3id.org/newsgraph/id/"
XSS_NAME = '<script>alert("name")</script>'
XSS_SENTENCE = "Ada Okafor said <img src=x onerror=alert(1)> & left."

# A small graph in the store layout: the default graph is the merged graph, and
# each document's statements are also in its own named graph. Evidence comes in
# both shapes: with its own sentence text (v1, v3), and as an annotation of a
# sentence (v2, oa:hasTarget).
DOCUMENT_TRIPLES = """
doc:summit-1 a ng:Article ; schema:headline "Leaders meet at the lakeside summit"@en ;
    schema:datePublished "2025-03-04T09:00:00+00:00"^^xsd:dateTime .
<https://w3id.org/newsgraph/id/doc/summit-1#char=0,60> a nif:Sentence ;
    nif:anchorOf "President Ada Okafor of Kenya met Prime Minister Ben Tallis on Monday."@en ;
    schema:isPartOf doc:summit-1 .
person:ada-okafor a ng:Person ; rdfs:label "Ada Okafor"@en ; skos:altLabel "Okafor"@en , "President Okafor"@en .
person:ben-tallis a ng:Person ; rdfs:label "Ben Tallis"@en .
state:KEN a ng:State ; rdfs:label "Kenya"@en ; ng:iso3 "KEN" ; ng:iso2 "KE" .
role:president a org:Role ; skos:prefLabel "president"@en .
membership:m1 a org:Membership ; org:member person:ada-okafor ; org:organization state:KEN ;
    org:role role:president ; ng:former false ; ng:nominated false ; ng:elect false ;
    prov:wasDerivedFrom evidence:v1 .
event:e1 a ng:Event ; ng:eventType plover:CONSULT ; ng:agent person:ada-okafor ; ng:target person:ben-tallis ;
    sem:hasTimeStamp "2025-03-03"^^xsd:date ; ng:reportedAt "2025-03-04T09:00:00+00:00"^^xsd:dateTime ;
    ng:modality ng:Asserted ; prov:wasDerivedFrom evidence:v2 .
evidence:v1 a ng:Evidence ; nif:anchorOf "Kenya's President Ada Okafor opened the summit."@en ;
    schema:isPartOf doc:summit-1 ; ng:extractor "roles.premodifier.v1" .
evidence:v2 a ng:Evidence ; oa:hasTarget <https://w3id.org/newsgraph/id/doc/summit-1#char=0,60> ;
    schema:isPartOf doc:summit-1 ; ng:extractor "events.svo.v1" .
mention:summit-1-10-20 a ng:Mention ; ng:refersTo person:ada-okafor ;
    nif:sentence <https://w3id.org/newsgraph/id/doc/summit-1#char=0,60> ; schema:isPartOf doc:summit-1 .
quote:q1 a ng:Quotation ; ng:speaker person:ada-okafor ; schema:text "We will build the road together."@en ;
    prov:wasDerivedFrom evidence:v1 .
person:xss a ng:Person ; rdfs:label "%(xss_name)s"@en ; skos:altLabel "x\\" onmouseover=\\"alert(2)"@en ;
    schema:url <javascript:alert(3)> .
event:e2 a ng:Event ; ng:eventType plover:ACCUSE ; ng:agent person:xss ; ng:target person:ada-okafor ;
    ng:modality ng:Asserted ; prov:wasDerivedFrom evidence:v3 .
evidence:v3 a ng:Evidence ; nif:anchorOf "%(xss_sentence)s"@en ; schema:isPartOf doc:summit-1 .
"""
PREFIXES = f"""@prefix ng: <https://w3id.org/newsgraph/ontology#> .
@prefix plover: <https://w3id.org/newsgraph/plover#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix doc: <{BASE}doc/> .
@prefix person: <{BASE}person/> .
@prefix state: <{BASE}state/> .
@prefix role: <{BASE}role/> .
@prefix membership: <{BASE}membership/> .
@prefix event: <{BASE}event/> .
@prefix evidence: <{BASE}evidence/> .
@prefix mention: <{BASE}mention/> .
@prefix quote: <{BASE}quote/> .
"""


def write_small_graph(path: Path) -> Path:
    """The small graph as TriG: every triple in the default graph and in the document's graph,
    plus one triple in a second named graph only (to tell GRAPH from the default graph)."""
    body = DOCUMENT_TRIPLES % {"xss_name": XSS_NAME.replace('"', '\\"'), "xss_sentence": XSS_SENTENCE}
    path.write_text(
        PREFIXES + body
        + f"\n<{BASE}graph/summit-1> {{\n{body}\n}}\n"
        + f"<{BASE}graph/other> {{ person:ben-tallis skos:altLabel \"Tallis\"@en . }}\n",
        encoding="utf-8",
    )
    return path


def write_generated_graph(path: Path, nodes: int = 1200) -> Path:
    """A graph big enough that a cross product of three patterns runs for minutes."""
    lines = [f"<urn:n:{i}> <urn:p:{i % 7}> <urn:n:{(i * 31) % nodes}> ." for i in range(nodes)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@dataclass
class Served:
    url: str
    process: subprocess.Popen

    def stop(self) -> tuple[int, str]:
        """Ctrl-C the server; its exit code and everything it wrote on stderr."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            _, err = self.process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, err = self.process.communicate()
        return self.process.returncode, err


def start_server(source: Path, *args: str) -> Served:
    """``newsgraph serve SOURCE --port 0 ARGS`` in a subprocess; the URL comes from its first line."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    process = subprocess.Popen(
        [sys.executable, "-m", "newsgraph.cli", "serve", str(source), "--port", "0", "--quiet", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    line = process.stdout.readline()
    if not line.startswith("serving "):
        process.kill()
        raise AssertionError(f"the server did not start: {line!r} {process.stderr.read()!r}")
    url = line.split(" at ", 1)[1].split(" ", 1)[0]
    return Served(url=url, process=process)


@dataclass
class Answer:
    status: int
    content_type: str
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def request(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
            method: str | None = None, timeout: float = 30) -> Answer:
    """One HTTP request with urllib; error statuses are answers too."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return Answer(response.status, response.headers.get("Content-Type", ""), response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers.get("Content-Type", ""), error.read())


def query_url(url: str, query: str, **params: str) -> str:
    return url + "sparql?" + urllib.parse.urlencode({"query": query, **params})


# ---- the pure parts ----

def test_accept_picks_the_highest_quality_then_the_routes_own_order():
    assert choose(RESULTS_OFFERS, "text/csv;q=0.5, text/tab-separated-values").key == "tsv"
    assert choose(GRAPH_OFFERS, "application/*;q=0.5, text/*").key == "turtle"
    assert choose(RESULTS_OFFERS, "*/*").key == "json"
    assert choose(RESULTS_OFFERS, None).key == "json"
    assert choose(PAGE_OFFERS, "text/html,application/xhtml+xml,*/*;q=0.8").key == "html"
    assert choose(PAGE_OFFERS, "application/ld+json, text/html;q=0.1").key == "jsonld"
    assert choose(GRAPH_OFFERS, "text/turtle;q=0, */*;q=0.1").key == "ntriples"


def test_accept_naming_only_formats_a_route_cannot_write_chooses_none():
    assert choose(RESULTS_OFFERS, "image/png") is None
    assert choose(GRAPH_OFFERS, "text/csv, application/sparql-results+json") is None


def test_a_format_parameter_overrides_the_accept_header():
    assert choose(RESULTS_OFFERS, "application/sparql-results+json", "csv").key == "csv"
    assert choose(GRAPH_OFFERS, None, "xml").key == "rdfxml"
    assert choose(PAGE_OFFERS, "text/html", "turtle").key == "turtle"


def test_a_request_path_names_the_iri_under_the_base_as_sent_then_decoded():
    assert candidate_iris("/person/ada-okafor", BASE) == (BASE + "person/ada-okafor",)
    assert candidate_iris("/person/%D0%9E", BASE) == (BASE + "person/%D0%9E", BASE + "person/О")
    assert candidate_iris("/doc/k%23char=0,9", BASE)[-1] == BASE + "doc/k#char=0,9"
    assert candidate_iris("/", BASE) == ()
    assert candidate_iris("/a%20b", BASE) == (BASE + "a%20b",)  # decoded, a space is in no IRI


def test_page_links_keep_a_fragment_inside_the_path_and_leave_other_iris_alone():
    assert page_path(BASE + "doc/k#char=0,9", BASE) == "/doc/k%23char=0,9"
    assert page_path(BASE + "person/ada-okafor", BASE) == "/person/ada-okafor"
    assert page_path("https://example.org/x", BASE) is None
    assert page_path(BASE, BASE) is None

"""The SPARQL 1.1 Protocol of `newsgraph serve`, through urllib against a real server process."""
from __future__ import annotations

import csv
import http.client
import io
import json
import socket
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic
from test_serve_support import (
    BASE,
    Answer,
    query_url,
    request,
    start_server,
    write_generated_graph,
    write_small_graph,
)

PERSONS = "SELECT ?p WHERE { ?p a ng:Person } ORDER BY ?p"
PERSON_IRIS = [BASE + "person/ada-okafor", BASE + "person/ben-tallis", BASE + "person/xss"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    graph = write_small_graph(tmp_path_factory.mktemp("serve") / "graph.trig")
    served = start_server(graph, "--max-rows", "20", "--workers", "2")
    yield served.url
    served.stop()


def bindings(answer) -> list[str]:
    return [b["p"]["value"] for b in json.loads(answer.body)["results"]["bindings"]]


def test_a_get_query_is_answered_as_sparql_json_by_default(server):
    answer = request(query_url(server, PERSONS))
    assert answer.status == 200
    assert answer.content_type.startswith("application/sparql-results+json")
    assert bindings(answer) == PERSON_IRIS


def test_each_results_format_is_chosen_by_the_accept_header(server):
    xml = request(query_url(server, PERSONS), headers={"Accept": "application/sparql-results+xml"})
    assert xml.content_type.startswith("application/sparql-results+xml")
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    assert [u.text for u in ET.fromstring(xml.body).findall(".//r:uri", ns)] == PERSON_IRIS

    table = request(query_url(server, PERSONS), headers={"Accept": "text/csv"})
    assert table.content_type.startswith("text/csv")
    assert list(csv.reader(io.StringIO(table.text))) == [["p"], *([iri] for iri in PERSON_IRIS)]

    tsv = request(query_url(server, PERSONS), headers={"Accept": "text/tab-separated-values"})
    assert tsv.content_type.startswith("text/tab-separated-values")
    assert tsv.text.splitlines() == ["?p", *(f"<{iri}>" for iri in PERSON_IRIS)]


def test_a_literal_keeps_its_language_and_escapes_through_the_row_cap(server):
    query = 'SELECT ?l WHERE { <%sperson/xss> skos:altLabel ?l }' % BASE
    answer = json.loads(request(query_url(server, query)).body)
    (value,) = answer["results"]["bindings"]
    assert value["l"] == {"type": "literal", "value": 'x" onmouseover="alert(2)', "xml:lang": "en"}


def test_a_form_post_and_a_direct_post_give_the_get_answer(server):
    form = request(server + "sparql", data=urllib.parse.urlencode({"query": PERSONS}).encode(),
                   headers={"Content-Type": "application/x-www-form-urlencoded"})
    direct = request(server + "sparql", data=PERSONS.encode(), headers={"Content-Type": "application/sparql-query"})
    assert form.status == direct.status == 200
    assert bindings(form) == bindings(direct) == PERSON_IRIS


def test_construct_is_written_as_turtle_ntriples_or_json_ld_by_accept(server):
    query = "CONSTRUCT { ?e ?p ?o } WHERE { ?e a ng:Event ; ?p ?o } "
    answers = {}
    for media, fmt in (("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld")):
        answer = request(query_url(server, query), headers={"Accept": media})
        assert answer.status == 200 and answer.content_type.startswith(media), answer
        answers[fmt] = rdflib.Graph().parse(data=answer.text, format=fmt)
    assert len(answers["nt"]) == 14
    assert isomorphic(answers["turtle"], answers["nt"]) and isomorphic(answers["json-ld"], answers["nt"])


def test_ask_answers_true_and_false(server):
    yes = request(query_url(server, "ASK { ?s a ng:Event }"))
    no = request(query_url(server, "ASK { ?s a ng:Quotation ; ng:speaker ?s }"))
    assert json.loads(yes.body)["boolean"] is True and json.loads(no.body)["boolean"] is False


@pytest.mark.parametrize("how", ["sparql-update body", "update form field", "update URL parameter", "query=INSERT"])
def test_every_kind_of_update_is_refused_with_403(server, how):
    update = f"INSERT DATA {{ <{BASE}person/new> a <https://w3id.org/newsgraph/ontology#Person> }}"
    if how == "sparql-update body":
        answer = request(server + "sparql", data=update.encode(), headers={"Content-Type": "application/sparql-update"})
    elif how == "update form field":
        answer = request(server + "sparql", data=urllib.parse.urlencode({"update": update}).encode(),
                         headers={"Content-Type": "application/x-www-form-urlencoded"})
    elif how == "update URL parameter":
        answer = request(server + "sparql?" + urllib.parse.urlencode({"update": update}))
    else:
        answer = request(query_url(server, "PREFIX x: <urn:x:>\n" + update))
    assert answer.status == 403
    assert "read-only" in answer.text
    still = request(query_url(server, f"ASK {{ <{BASE}person/new> ?p ?o }}"))
    assert json.loads(still.body)["boolean"] is False


def test_a_malformed_query_gets_400_with_the_parsers_message(server):
    answer = request(query_url(server, "SELECT ?x WHERE { ?x a }"))
    assert answer.status == 400
    assert answer.text.startswith("invalid SPARQL: error at 1:")


def test_a_request_body_over_the_limit_gets_413(server):
    padding = "#" + "x" * (1 << 20) + "\n"
    answer = request(server + "sparql", data=(padding + PERSONS).encode(),
                     headers={"Content-Type": "application/sparql-query"})
    assert answer.status == 413
    assert "limit is 1,048,576" in answer.text


def test_a_service_call_is_refused_and_never_made(server):
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(0.5)
        remote = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
        answer = request(query_url(server, f"SELECT * WHERE {{ SERVICE <{remote}> {{ ?s ?p ?o }} }}"))
        with pytest.raises(TimeoutError):
            listener.accept()
    assert answer.status == 403
    assert "SERVICE is not allowed" in answer.text


def test_accept_naming_no_results_format_gets_406(server):
    answer = request(query_url(server, PERSONS), headers={"Accept": "image/png"})
    assert answer.status == 406
    assert "application/sparql-results+json" in answer.text


def test_the_default_graph_is_the_merged_graph_and_named_graphs_answer_graph_and_from_named(server):
    in_default = "SELECT ?l WHERE { person:ben-tallis skos:altLabel ?l }"
    assert json.loads(request(query_url(server, in_default)).body)["results"]["bindings"] == []
    in_graphs = "SELECT ?g ?l WHERE { GRAPH ?g { person:ben-tallis skos:altLabel ?l } }"
    (row,) = json.loads(request(query_url(server, in_graphs)).body)["results"]["bindings"]
    assert row["g"]["value"] == BASE + "graph/other" and row["l"]["value"] == "Tallis"
    from_named = ("SELECT ?g WHERE { GRAPH ?g { ?e a ng:Event } }")
    answer = request(query_url(server, from_named) + "&" + urllib.parse.urlencode(
        {"named-graph-uri": BASE + "graph/summit-1"}))
    assert {b["g"]["value"] for b in json.loads(answer.body)["results"]["bindings"]} == {BASE + "graph/summit-1"}
    from_named_clause = f"SELECT DISTINCT ?g FROM NAMED <{BASE}graph/other> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    rows = json.loads(request(query_url(server, from_named_clause)).body)["results"]["bindings"]
    assert [r["g"]["value"] for r in rows] == [BASE + "graph/other"]
    own_default = request(query_url(server, in_default, **{"default-graph-uri": BASE + "graph/other"}))
    assert [b["l"]["value"] for b in json.loads(own_default.body)["results"]["bindings"]] == ["Tallis"]


def test_an_answer_over_the_row_cap_is_an_error_never_a_cut_off_200(server):
    over = request(query_url(server, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"))
    assert over.status == 503
    assert "more than 20 rows" in over.text and "LIMIT" in over.text
    construct = request(query_url(server, "CONSTRUCT WHERE { ?s ?p ?o }"), headers={"Accept": "text/turtle"})
    assert construct.status == 503 and "more than 20 triples" in construct.text
    under = request(query_url(server, "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 5"))
    assert under.status == 200 and len(json.loads(under.body)["results"]["bindings"]) == 5


def test_a_request_naming_another_host_is_refused(server):
    answer = request(query_url(server, PERSONS), headers={"Host": "attacker.example:80"})
    assert answer.status == 403


def live_children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` and that are not zombies (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads worker processes from Linux /proc")
def test_a_runaway_query_is_stopped_while_another_client_is_answered(tmp_path):
    graph = write_generated_graph(tmp_path / "big.nt")
    served = start_server(graph, "--timeout", "3", "--workers", "2")
    try:
        runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"
        outcome = {}

        def slow_client():
            # One kept-alive connection, closed a while after the answer: the server thread
            # that served it ends only then, well after a replacement worker has started.
            host, port = urllib.parse.urlsplit(served.url).netloc.split(":")
            connection = http.client.HTTPConnection(host, int(port), timeout=30)
            started = time.monotonic()
            connection.request("GET", "/sparql?" + urllib.parse.urlencode({"query": runaway}))
            response = connection.getresponse()
            outcome["answer"] = Answer(response.status, response.getheader("Content-Type", ""), response.read())
            outcome["seconds"] = time.monotonic() - started
            time.sleep(0.5)
            connection.close()

        thread = threading.Thread(target=slow_client)
        thread.start()
        time.sleep(0.3)  # the runaway query holds a worker now
        started = time.monotonic()
        quick = request(query_url(served.url, "ASK { <urn:n:1> ?p ?o }"))
        quick_seconds = time.monotonic() - started
        runaway_still_running = "answer" not in outcome
        thread.join(30)
        time.sleep(0.5)  # the server notices the closed connection; its thread ends
        assert quick.status == 200 and json.loads(quick.body)["boolean"] is True
        assert runaway_still_running and quick_seconds < 2, "the second client waited for the runaway query"
        assert outcome["answer"].status == 503
        assert "longer than the server's limit of 3 s" in outcome["answer"].text
        assert 3 <= outcome["seconds"] < 8
        # The killed worker was replaced, and the replacement outlives the connection whose
        # request stopped its predecessor: two live workers again, and every one answers.
        assert len(live_children(served.process.pid)) == 2
        again = [request(query_url(served.url, "ASK { ?s ?p ?o }")) for _ in range(6)]
        assert [a.status for a in again] == [200] * 6, [a.text for a in again]
    finally:
        code, err = served.stop()
    assert code == 130 and "Traceback" not in err

"""SERVICE is refused from the parsed query: no payload reaches the network."""
from __future__ import annotations

import http.server
import threading

import pytest
from click.testing import CliRunner
from pyoxigraph import Literal, Store, Variable

from newsgraph.cli import main
from newsgraph.errors import QueryError
from newsgraph.query.loading import VOCABULARY_PREFIXES
from newsgraph.query.offline import SERVICE_REFUSED, for_rdflib, refuse_unsafe

GRAPH = """@prefix ng: <https://w3id.org/newsgraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/newsgraph/id/state/UKR> a ng:State ; skos:prefLabel "Ukraine" .
"""


@pytest.fixture()
def endpoint():
    """A local SPARQL 'endpoint' that counts the requests it gets."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            body = b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","value":"http://remote/row"}}]}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", hits
    server.shutdown()


def payloads(url: str) -> list[str]:
    ex = f"PREFIX ex: <{url.rsplit('/', 1)[0]}/> "
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service <{url}> {{ ?s ?p ?o }} }}",
        ex + "SELECT * WHERE { BIND(ex:a\\# AS ?h) SERVICE ex:sparql { ?s ?p ?o } }",
        ex + "SELECT * WHERE { BIND(ex:a\\# AS ?h) . SERVICE ex:sparql { ?s ?p ?o } }",
        f'SELECT * WHERE {{ FILTER(?o != "\\u005C") SERVICE <{url}> {{ ?s ?p ?o }} FILTER(?o != "") }}',
        f'SELECT * WHERE {{ BIND("\\\\" AS ?x) SERVICE <{url}> {{ ?s ?p ?o }} }}',
        f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        f"ASK {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ MINUS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ VALUES ?e {{ <{url}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ # comment \\u000a\n SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p '''a\\'''' SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE\t<{url}>{{?s ?p ?o}} }}",
        f"SELECT * WHERE {{ GRAPH ?g {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    ]


PAYLOAD_COUNT = len(payloads("http://127.0.0.1:1/sparql"))


@pytest.fixture()
def graph_file(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text(GRAPH, encoding="utf-8")
    return path


def test_no_service_payload_reaches_the_network(endpoint, graph_file):
    url, hits = endpoint
    for query in payloads(url):
        result = CliRunner().invoke(main, ["query", str(graph_file), query])
        assert result.exit_code == 2, (query, result.output)
        assert "remote/row" not in result.output, query
        assert result.output.startswith("Error: "), (query, result.output)
        assert result.output.count("\n") == 1, result.output
    assert hits == []


def test_a_plain_service_call_is_refused_with_the_offline_message():
    with pytest.raises(QueryError, match="SERVICE is not allowed"):
        refuse_unsafe("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", VOCABULARY_PREFIXES)
    assert SERVICE_REFUSED.startswith("SERVICE is not allowed")


@pytest.mark.parametrize("query", [
    'ASK { ?s ?p "SERVICE" }',
    "SELECT * WHERE { ?s ?p ?o # SERVICE <http://x/> { }\n }",
    'SELECT ?s WHERE { ?s skos:prefLabel "caf\\u00e9" }',
    'SELECT ?s WHERE { ?s skos:prefLabel "a\\\\u0041" }',
    "SELECT ?service WHERE { ?service a ng:State }",
    "PREFIX service: <http://example.org/> ASK { service:a ?p ?o }",
])
def test_the_word_service_outside_a_pattern_is_not_refused(query):
    refuse_unsafe(query, VOCABULARY_PREFIXES)


def test_unicode_escapes_cannot_shift_string_boundaries_for_the_checker():
    assert for_rdflib('"\\u005C" x') == '"x" x'
    assert for_rdflib('"\\\\u0041"') == '"\\tu0041"'
    assert for_rdflib("ex:a\\# b") == "ex:a\\# b"


def test_the_syntax_probe_parses_without_evaluating():
    # The refusal relies on Oxigraph stopping after parsing when a substitution
    # names a variable the query does not have; a pyoxigraph upgrade that
    # changes this must fail here, not open the network.
    with pytest.raises(RuntimeError):
        Store().query("ASK { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
                      substitutions={Variable("newsgraph_probe_z"): Literal("")})


def test_a_huge_query_is_refused_before_parsing():
    with pytest.raises(QueryError, match="characters long"):
        refuse_unsafe("ASK { " + "?s ?p ?o . " * 20_000 + "}", VOCABULARY_PREFIXES)

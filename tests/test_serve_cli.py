"""`newsgraph serve` as a command: starting, stopping, and the errors a user can cause."""
from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest
from click.testing import CliRunner
from test_serve_support import query_url, request, start_server, write_small_graph

from newsgraph.cli import main


def test_ctrl_c_stops_the_server_with_one_line_and_no_traceback(tmp_path):
    served = start_server(write_small_graph(tmp_path / "graph.trig"))
    assert request(query_url(served.url, "ASK { ?s ?p ?o }")).status == 200
    code, err = served.stop()
    assert code == 130
    assert err.strip().splitlines() == ["interrupted"]


def test_the_server_listens_on_loopback_by_default(tmp_path):
    served = start_server(write_small_graph(tmp_path / "graph.trig"))
    try:
        assert served.url.startswith("http://127.0.0.1:")
    finally:
        served.stop()


def test_a_port_in_use_is_a_one_line_error_naming_it(tmp_path):
    graph = write_small_graph(tmp_path / "graph.trig")
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "newsgraph.cli", "serve", str(graph), "--port", str(port)],
            capture_output=True, text=True, timeout=60,
        )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"Error: cannot listen on 127.0.0.1:{port}: Address already in use:"
        " give another --port (0 picks a free one) or --host"
    ]


def test_a_missing_source_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["serve", str(tmp_path / "nothing.ttl")])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"Error: graph file '{tmp_path / 'nothing.ttl'}' does not exist: run `newsgraph build` first or check the path"
    ]


def test_a_bad_base_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["serve", str(write_small_graph(tmp_path / "g.trig")), "--base", "not an iri"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: --base 'not an iri' is not an absolute IRI: give one such as https://w3id.org/newsgraph/id/"
    ]


def test_a_given_base_maps_paths_to_iris_under_it(tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_text('<http://example.org/kb/person/ada> <http://www.w3.org/2000/01/rdf-schema#label> "Ada" .\n',
                     encoding="utf-8")
    served = start_server(graph, "--base", "http://example.org/kb/")
    try:
        page = request(served.url + "person/ada", headers={"Accept": "text/html"})
        assert page.status == 200 and "<h1>Ada</h1>" in page.text
        query = "SELECT ?l WHERE { <http://example.org/kb/person/ada> ?p ?l }"
        assert json.loads(request(query_url(served.url, query)).body)["results"]["bindings"][0]["l"]["value"] == "Ada"
    finally:
        served.stop()


@pytest.mark.slow
def test_a_real_build_of_the_examples_is_served_with_its_entity_pages(repo, tmp_path):
    from newsgraph.pipeline import build

    build([str(repo / "examples")], tmp_path / "out", write_html=False)
    served = start_server(tmp_path / "out")
    try:
        page = request(served.url + "person/antony-blinken", headers={"Accept": "text/html"})
        assert page.status == 200 and "<h1>Antony Blinken</h1>" in page.text
        assert "secretary of state" in page.text and 'href="/state/USA"' in page.text
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?e a ng:Event }"
        (row,) = json.loads(request(query_url(served.url, count)).body)["results"]["bindings"]
        assert int(row["n"]["value"]) > 0
    finally:
        served.stop()


def test_a_store_folder_is_served_like_a_graph_file(tmp_path):
    from pyoxigraph import RdfFormat

    from newsgraph.store.folder import open_for_writing

    graph = write_small_graph(tmp_path / "graph.trig")
    with open_for_writing(tmp_path / "store", "https://w3id.org/newsgraph/id/") as backend:
        backend.store.load(path=str(graph), format=RdfFormat.TRIG)
    served = start_server(tmp_path / "store")
    try:
        page = request(served.url + "person/ada-okafor", headers={"Accept": "text/html"})
        assert page.status == 200 and "<h1>Ada Okafor</h1>" in page.text
        in_graph = "SELECT ?g WHERE { GRAPH ?g { ?e a ng:Event } } GROUP BY ?g"
        rows = json.loads(request(query_url(served.url, in_graph)).body)["results"]["bindings"]
        assert [r["g"]["value"] for r in rows] == ["https://w3id.org/newsgraph/id/graph/summit-1"]
        update = request(served.url + "sparql", data=b"CLEAR ALL", headers={"Content-Type": "application/sparql-update"})
        assert update.status == 403
    finally:
        code, err = served.stop()
    assert code == 130 and err.strip().splitlines() == ["interrupted"]

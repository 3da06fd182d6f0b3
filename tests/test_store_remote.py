"""The remote SPARQL store backend against a real Oxigraph server (and tiny real HTTP servers for faults)."""
from __future__ import annotations

import http.server
import shlex
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import ClassVar

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode

from newsgraph.errors import GraphError
from newsgraph.store import LocalBackend
from newsgraph.store.remote import (
    LOCK_GRAPH,
    Endpoints,
    RemoteBackend,
    discover_endpoints,
    is_remote,
    public_url,
    remote_backend,
)

EX = "http://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).exists():
        pytest.skip("the `oxigraph` server binary is not installed: pip install -e '.[test]' provides it")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_oxigraph(location: Path, *, mode: str = "serve") -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen([oxigraph_binary(), mode, "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=1).close()
            return process, base
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(f"oxigraph {mode} did not start: {process.stderr.read().decode()}")
            time.sleep(0.05)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The base URL of a real Oxigraph server on a free port, over a fresh on-disk store."""
    process, base = start_oxigraph(tmp_path_factory.mktemp("oxigraph"))
    yield base
    stop(process)


@pytest.fixture
def remote(server):
    """A backend on the server, emptied first so each test starts from nothing."""
    backend = remote_backend(server)
    backend.update("CLEAR ALL")
    yield backend
    backend.close()


def count(backend, graph: str | None = None) -> int:
    pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "{ ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } }"
    return int(backend.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")[0][0].value)


# -- select and update round trips -------------------------------------------------------

def test_select_gives_iris_language_tagged_and_typed_literals_in_the_projected_order(remote):
    remote.update(f"""INSERT DATA {{
        <{EX}kyiv> <{EX}label> "Kyiv"@en, "Київ"@uk ;
                   <{EX}population> 2952301 ;
                   <{EX}founded> "0482"^^<{XSD}gYear> ;
                   <{EX}note> "a plain \\"quoted\\" note" . }}""")
    rows = remote.select(f"SELECT ?o ?p WHERE {{ <{EX}kyiv> ?p ?o }} ORDER BY ?p STR(?o)")
    assert rows == [
        (Literal("0482", datatype=NamedNode(XSD + "gYear")), NamedNode(EX + "founded")),
        (Literal("Kyiv", language="en"), NamedNode(EX + "label")),
        (Literal("Київ", language="uk"), NamedNode(EX + "label")),
        (Literal('a plain "quoted" note'), NamedNode(EX + "note")),
        (Literal("2952301", datatype=NamedNode(XSD + "integer")), NamedNode(EX + "population")),
    ]


def test_unbound_variables_come_back_as_none_in_their_place(remote):
    remote.update(f"INSERT DATA {{ <{EX}a> <{EX}name> 'A' . <{EX}b> <{EX}name> 'B' ; <{EX}age> 3 }}")
    rows = remote.select(f"SELECT ?s ?age ?name WHERE {{ ?s <{EX}name> ?name OPTIONAL {{ ?s <{EX}age> ?age }} }} "
                         "ORDER BY ?s")
    assert rows == [(NamedNode(EX + "a"), None, Literal("A")),
                    (NamedNode(EX + "b"), Literal("3", datatype=NamedNode(XSD + "integer")), Literal("B"))]


def test_blank_nodes_come_back_as_the_same_blank_node_in_every_row(remote):
    remote.update(f"INSERT DATA {{ <{EX}a> <{EX}at> _:x . <{EX}b> <{EX}at> _:x }}")
    rows = remote.select(f"SELECT ?o WHERE {{ ?s <{EX}at> ?o }}")
    assert len(rows) == 2 and isinstance(rows[0][0], BlankNode) and rows[0][0] == rows[1][0]


def test_a_document_shaped_update_gives_the_same_answers_as_the_local_store(remote):
    graph = f"{EX}graph/doc-1"
    first = f"""INSERT DATA {{ GRAPH <{graph}> {{ <{EX}person/ann> <{EX}label> "Ann Roe"@en ; <{EX}says> "old" }}
                <{EX}person/ann> <{EX}label> "Ann Roe"@en ; <{EX}says> "old" }}"""
    replace = f"""DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} ;
                  DROP SILENT GRAPH <{graph}> ;
                  INSERT DATA {{ GRAPH <{graph}> {{ <{EX}person/ann> <{EX}label> "Ann Roe"@en ; <{EX}says> "new" }}
                                 <{EX}person/ann> <{EX}label> "Ann Roe"@en ; <{EX}says> "new" }}"""
    local = LocalBackend()
    for backend in (remote, local):
        backend.update(first)
        backend.update(replace)
    query = "SELECT ?g ?s ?p ?o WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
    assert sorted(map(str, remote.select(query))) == sorted(map(str, local.select(query)))
    assert (NamedNode(EX + "person/ann"), Literal("new")) in remote.select(
        f"SELECT ?s ?o WHERE {{ GRAPH <{graph}> {{ ?s <{EX}says> ?o }} }}")
    assert count(remote) == 4


def test_an_update_of_20000_triples_in_one_insert_data_goes_through(remote):
    lines = "\n".join(f'<{EX}s{i}> <{EX}p> "sentence number {i} of a long article"@en .' for i in range(20000))
    remote.update(f"INSERT DATA {{ GRAPH <{EX}graph/big> {{\n{lines}\n}} }}")
    assert count(remote, f"{EX}graph/big") == 20000


def test_select_of_an_ask_query_is_a_programming_error(remote):
    with pytest.raises(TypeError):
        remote.select("ASK {}")


# -- failures a user can meet ------------------------------------------------------------------

def test_an_update_with_a_syntax_error_changes_nothing_and_reports_the_servers_message(remote):
    remote.update(f"INSERT DATA {{ <{EX}a> <{EX}p> 1 }}")
    with pytest.raises(GraphError) as caught:
        remote.update(f"INSERT DATA {{ <{EX}a> <{EX}p> 2 }} ; INSERT DATA {{ <{EX}a> <{EX} p> 3 }}")
    message = str(caught.value)
    assert "\n" not in message and "HTTP 400" in message and "/update" in message
    assert "error at" in message  # Oxigraph's own words, not just the status code
    assert count(remote) == 1


def test_an_update_that_fails_half_way_leaves_the_store_as_it_was(remote):
    # The first operation succeeds, the second fails at run time: a transactional server keeps neither.
    with pytest.raises(GraphError, match=r"HTTP 5\d\d"):
        remote.update(f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{EX}p> 1 }} }} ; LOAD <http://127.0.0.1:1/x.ttl>")
    assert count(remote) == 0


def test_a_server_that_is_down_gives_one_line_naming_the_url_and_how_to_start_one():
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(GraphError) as caught:
        remote_backend(url).select("SELECT * WHERE { ?s ?p ?o }")
    message = str(caught.value)
    assert "\n" not in message
    assert f"{url}/query" in message and "connection refused" in message and "oxigraph serve --location" in message


def test_a_host_that_does_not_exist_is_named_in_the_error():
    with pytest.raises(GraphError, match=r"host 'no-such-host\.invalid' not found"):
        remote_backend("http://no-such-host.invalid:7878").update("CLEAR ALL")


def test_a_url_that_is_no_update_endpoint_says_so(server):
    backend = RemoteBackend(server + "/query", server + "/no-such-endpoint")
    with pytest.raises(GraphError, match=r"HTTP 404.*not a SPARQL update endpoint"):
        backend.update("CLEAR ALL")


def test_an_update_to_a_read_only_server_says_the_store_refuses_changes(tmp_path):
    writer, base = start_oxigraph(tmp_path)
    stop(writer)
    reader, base = start_oxigraph(tmp_path, mode="serve-read-only")
    try:
        with pytest.raises(GraphError) as caught:
            remote_backend(base).update(f"INSERT DATA {{ <{EX}a> <{EX}p> 1 }}")
    finally:
        stop(reader)
    assert "HTTP 403" in str(caught.value) and "read-only" in str(caught.value)


# -- faults only a misbehaving server shows: tiny real servers on 127.0.0.1 ------------------------

class FaultyHandler(http.server.BaseHTTPRequestHandler):
    seen_authorization: ClassVar[list[str | None]] = []

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        FaultyHandler.seen_authorization.append(self.headers.get("Authorization"))
        if self.path == "/private/query":
            self._answer(401, b"<html><body><h1>Unauthorized</h1>bad password</body></html>", "text/html")
        elif self.path == "/slow/query":
            time.sleep(1.5)
            self._answer(200, b"{}", "application/sparql-results+json")
        elif self.path == "/cut/query":
            self._answer(200, b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","val',
                         "application/sparql-results+json")

    def _answer(self, status: int, body: bytes, content_type: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first: what the timeout test wants

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def faulty():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FaultyHandler)
    httpd.daemon_threads = True  # do not wait out the slow handler at the end
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_credentials_in_the_url_are_sent_as_basic_auth_and_never_shown(faulty):
    FaultyHandler.seen_authorization.clear()
    backend = remote_backend(f"http://ann:s3cret%21@{faulty}/private/query")
    assert "s3cret" not in backend.location and "ann" not in backend.location
    with pytest.raises(GraphError) as caught:
        backend.select("SELECT * WHERE { ?s ?p ?o }")
    message = str(caught.value)
    assert "s3cret" not in message and "ann:" not in message
    assert "HTTP 401" in message and "bad password" in message and "<h1>" not in message
    assert FaultyHandler.seen_authorization == ["Basic YW5uOnMzY3JldCE="]  # ann:s3cret!


def test_a_server_that_does_not_answer_in_time_gives_a_timeout_error(faulty):
    backend = RemoteBackend(f"http://{faulty}/slow/query", f"http://{faulty}/slow/update", timeout=0.3)
    with pytest.raises(GraphError, match=r"did not answer within 0\.3 s"):
        backend.select("SELECT * WHERE { ?s ?p ?o }")


def test_an_answer_cut_off_half_way_is_an_error_not_fewer_rows(faulty):
    backend = RemoteBackend(f"http://{faulty}/cut/query", f"http://{faulty}/cut/update")
    with pytest.raises(GraphError, match="incomplete or non-JSON answer"):
        backend.select("SELECT ?s WHERE { ?s ?p ?o }")


# -- the build lock ------------------------------------------------------------------------------

def test_a_second_build_is_refused_while_the_first_holds_the_lock_and_told_who_holds_it(server, remote):
    remote.acquire_lock("ann@desk pid 41")
    other = remote_backend(server)
    with pytest.raises(GraphError) as caught:
        other.acquire_lock("bob@laptop pid 7")
    message = str(caught.value)
    assert "\n" not in message and "locked by ann@desk pid 41 since 20" in message
    assert [who for _, who, _ in remote.lock_holders()] == ["ann@desk pid 41"]  # the refused one left nothing
    remote.release_lock()
    other.acquire_lock("bob@laptop pid 7")
    assert [who for _, who, _ in other.lock_holders()] == ["bob@laptop pid 7"]
    other.release_lock()
    assert remote.lock_holders() == []


def test_the_stale_lock_command_in_the_message_clears_the_lock(server, remote):
    remote_backend(server).acquire_lock("a build that died")  # never released
    with pytest.raises(GraphError) as caught:
        remote.acquire_lock("the next build")
    command = shlex.split(str(caught.value).split("`")[1])
    assert command[0] == "curl" and command[-1] == f"{server}/update"
    data = command[command.index("--data") + 1]
    request = urllib.request.Request(command[-1], data=data.encode(), method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
    urllib.request.urlopen(request, timeout=10).close()
    remote.acquire_lock("the next build")
    assert [who for _, who, _ in remote.lock_holders()] == ["the next build"]


def test_racing_builds_never_both_hold_the_lock(server, remote):
    def take(backend, name, results):
        try:
            backend.acquire_lock(name)
            results.append(True)
        except GraphError:
            results.append(False)

    for _ in range(10):  # a race in which two inserts both commit happens in a few rounds of ten
        remote.clear_lock()
        results: list[bool] = []
        threads = [threading.Thread(target=take, args=(remote_backend(server), f"build {i}", results))
                   for i in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert results.count(True) <= 1
        assert len(remote.lock_holders()) == results.count(True)  # the losers withdrew their entries


def test_closing_a_backend_releases_its_lock_and_the_lock_stays_out_of_the_default_graph(server, remote):
    holder = remote_backend(server)
    holder.acquire_lock("short build")
    assert count(remote, LOCK_GRAPH) == 2 and remote.select("SELECT * WHERE { ?s ?p ?o }") == []
    holder.close()
    assert remote.lock_holders() == []


def test_the_locked_block_holds_the_lock_only_inside(remote):
    with remote.locked("block build"):
        assert [who for _, who, _ in remote.lock_holders()] == ["block build"]
    assert remote.lock_holders() == []


# -- finding the endpoints from one URL (no server needed) ---------------------------------------

@pytest.mark.parametrize("url, expected", [
    ("http://127.0.0.1:7878", Endpoints("http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update",
                                        "http://127.0.0.1:7878/store")),
    ("http://127.0.0.1:7878/", Endpoints("http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update",
                                         "http://127.0.0.1:7878/store")),
    ("http://127.0.0.1:7878/query", Endpoints("http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update",
                                              "http://127.0.0.1:7878/store")),
    ("http://h:3030/news", Endpoints("http://h:3030/news/query", "http://h:3030/news/update",
                                     "http://h:3030/news/data")),
    ("http://h:3030/news/", Endpoints("http://h:3030/news/query", "http://h:3030/news/update",
                                      "http://h:3030/news/data")),
    ("http://h:3030/news/query", Endpoints("http://h:3030/news/query", "http://h:3030/news/update",
                                           "http://h:3030/news/data")),
    ("http://h:3030/news/update", Endpoints("http://h:3030/news/query", "http://h:3030/news/update",
                                            "http://h:3030/news/data")),
    ("http://h:8890/sparql", Endpoints("http://h:8890/sparql", "http://h:8890/sparql")),
    ("https://h:9999/blazegraph/namespace/kb/sparql",
     Endpoints("https://h:9999/blazegraph/namespace/kb/sparql", "https://h:9999/blazegraph/namespace/kb/sparql")),
    ("http://h:7200/repositories/news", Endpoints("http://h:7200/repositories/news",
                                                  "http://h:7200/repositories/news/statements",
                                                  "http://h:7200/repositories/news/rdf-graphs/service")),
    ("http://h:7200/repositories/news/statements", Endpoints("http://h:7200/repositories/news",
                                                             "http://h:7200/repositories/news/statements",
                                                             "http://h:7200/repositories/news/rdf-graphs/service")),
    ("http://u:p@h:3030/news?x=1", Endpoints("http://u:p@h:3030/news/query?x=1", "http://u:p@h:3030/news/update?x=1",
                                             "http://u:p@h:3030/news/data?x=1")),
])
def test_endpoints_are_found_by_the_usual_server_conventions(url, expected):
    assert discover_endpoints(url) == expected


@pytest.mark.parametrize("url", ["ftp://h/ds", "http://", "127.0.0.1:7878", "http://h:notaport/ds"])
def test_a_url_that_names_no_http_store_is_a_one_line_graph_error(url):
    with pytest.raises(GraphError, match="give one like http://127.0.0.1:7878"):
        discover_endpoints(url)


def test_an_explicit_update_url_overrides_the_guess_and_credentials_never_reach_the_location():
    backend = remote_backend("http://ann:pw@h:8890/sparql", update_url="http://ann:pw@h:8890/sparql-auth")
    assert (backend.query_url, backend.update_url) == ("http://h:8890/sparql", "http://h:8890/sparql-auth")
    assert backend.location == "http://h:8890/sparql" == public_url("http://ann:pw@h:8890/sparql")


@pytest.mark.parametrize("value, remote", [("http://h:7878", True), ("HTTPS://h/ds", True),
                                           ("store-dir", False), ("./http", False)])
def test_is_remote_tells_a_url_from_a_store_folder(value, remote):
    assert is_remote(value) is remote


# -- docs/remote-store.md shows the messages a user really gets ---------------------------------

def documented_error(repo, start: str) -> str:
    lines = [ln for ln in (repo / "docs" / "remote-store.md").read_text(encoding="utf-8").splitlines()
             if ln.startswith("Error: " + start)]
    assert len(lines) == 1, f"docs/remote-store.md should show one 'Error: {start}...' line"
    return lines[0]


def test_the_documented_server_down_message_is_the_real_one(repo):
    port = free_port()
    with pytest.raises(GraphError) as caught:
        remote_backend(f"http://127.0.0.1:{port}").select("SELECT * WHERE { ?s ?p ?o }")
    shown = documented_error(repo, "cannot reach").replace(":7878", f":{port}")
    assert shown == f"Error: {caught.value}"


def test_the_documented_lock_message_is_the_real_one(repo, server, remote):
    remote.acquire_lock("ann@desk pid 4242")
    with pytest.raises(GraphError) as caught:
        remote_backend(server).acquire_lock("bob@laptop pid 7")
    since = remote.lock_holders()[0][2]
    shown = documented_error(repo, "the SPARQL store").replace("http://127.0.0.1:7878", server)
    assert shown == f"Error: {caught.value}".replace(since, "2025-03-04T09:12:00+00:00")

"""The HTTP server: routes, request bodies, limits, and the worker pool behind them.

    GET  /                 the query page (HTML, inline script)
    GET  /sparql?query=…   SPARQL 1.1 Protocol (also POST form or sparql-query)
    GET  /ontology         ontology/newsgraph.ttl (Turtle, or another RDF format by Accept)
    GET  /{path}           the node {base}{path}: an HTML page or RDF by Accept; 404 when unknown

The standard library's ThreadingHTTPServer answers each connection in its
own thread; every query and entity page runs in a worker process
(``pool.py``) under the request's deadline, so the threads only read
requests and write answers. Bound to a loopback address, the server also
refuses requests whose Host header names another machine, so a web page
cannot read it through a DNS name rebound to 127.0.0.1.
"""
from __future__ import annotations

import socket
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from pyoxigraph import RdfFormat, parse

from .. import __version__, resources
from ..errors import QueryError, QueryTimeoutError
from ..query.formatting import escape_controls
from .entity import VARY, PageTask, candidate_iris
from .negotiation import (
    GRAPH_OFFERS,
    HTML_OFFER,
    choose,
    content_type,
    not_acceptable_message,
)
from .pool import BusyError, WorkerPool
from .querypage import QUERY_PAGE_POLICY, query_page
from .replies import TEXT, Reply, text_reply
from .served import ServedGraph
from .sparql import Refused, sparql_task, write_rdf

#: A request body (a POSTed query) longer than this is refused with 413.
MAX_BODY = 1 << 20
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


@dataclass(frozen=True)
class Limits:
    timeout: float | None = 10.0  # seconds for a query or a page, waiting for a worker included
    max_body: int = MAX_BODY


class Endpoint:
    """What the server answers, independent of sockets: ``handle`` maps a request to a Reply."""

    def __init__(self, graph: ServedGraph, pool: WorkerPool, limits: Limits, *, host: str) -> None:
        self.graph = graph
        self.pool = pool
        self.limits = limits
        self.loopback = host in LOOPBACK_NAMES or host.startswith("127.")
        self.allowed_hosts = LOOPBACK_NAMES | {host}
        self._query_page = query_page(graph.base, graph.prefixes, str(graph.source)).encode("utf-8")
        self._ontology = list(parse(resources.read_text("newsgraph.ttl"), format=RdfFormat.TURTLE))
        self._ontology_turtle = resources.read_text("newsgraph.ttl").encode("utf-8")

    def host_allowed(self, header: str | None) -> bool:
        if not self.loopback or not header:
            return True
        name = urlsplit(f"//{header}").hostname or ""
        return name.lower() in self.allowed_hosts

    def handle(self, method: str, target: str, headers: Mapping[str, str], body: bytes,
               started: float) -> Reply:
        if not self.host_allowed(headers.get("Host")):
            return text_reply(403, "this server answers requests to localhost only (the Host header names another)")
        parts = urlsplit(target)
        try:
            params = parse_qs(parts.query, keep_blank_values=True, max_num_fields=200)
        except ValueError:
            return text_reply(400, "too many parameters in the URL")
        accept = headers.get("Accept")
        path = parts.path or "/"
        if path == "/sparql":
            return self._sparql(method, params, headers, body, started)
        if method not in ("GET", "HEAD"):
            return text_reply(405, f"{path} answers GET only", ("Allow", "GET, HEAD"))
        if path == "/":
            return Reply(200, HTML_OFFER.media_type + "; charset=utf-8", self._query_page,
                         (("Content-Security-Policy", QUERY_PAGE_POLICY),))
        if path == "/ontology":
            return self._ontology_reply(accept, _first(params, "format"))
        candidates = candidate_iris(path, self.graph.base)
        if not candidates:
            return text_reply(404, f"no such page: {path}")
        task = PageTask(path=path, candidates=candidates, accept=accept, format=_first(params, "format"))
        return self._run(task, started)

    def _sparql(self, method: str, params, headers, body: bytes, started: float) -> Reply:
        if method not in ("GET", "HEAD", "POST"):
            return text_reply(405, "/sparql answers GET and POST", ("Allow", "GET, HEAD, POST"))
        if method != "POST" and not params and "text/html" in (headers.get("Accept") or ""):
            # a browser opening the endpoint's address: show it the query page
            return Reply(200, HTML_OFFER.media_type + "; charset=utf-8", self._query_page,
                         (("Content-Security-Policy", QUERY_PAGE_POLICY),))
        media = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if method == "POST" and media == "application/x-www-form-urlencoded":
            try:
                form = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=200,
                                errors="strict")
            except (UnicodeDecodeError, ValueError):
                return text_reply(400, "the form is not UTF-8 text with at most 200 fields")
            params = {k: params.get(k, []) + form.get(k, []) for k in params.keys() | form.keys()}
        try:
            task = sparql_task(method, params, headers.get("Content-Type"), body, headers.get("Accept"))
        except Refused as refused:
            return text_reply(refused.status, str(refused))
        return self._run(task, started)

    def _run(self, task, started: float) -> Reply:
        try:
            return self.pool.run(task, timeout=self.limits.timeout, started=started)
        except BusyError as error:
            return text_reply(503, str(error), ("Retry-After", "1"))
        except QueryTimeoutError as error:
            return text_reply(503, str(error))
        except QueryError as error:
            return text_reply(500, str(error))

    def _ontology_reply(self, accept: str | None, name: str | None) -> Reply:
        offer = choose((*GRAPH_OFFERS, HTML_OFFER), accept, name)
        if offer is None:
            return text_reply(406, not_acceptable_message(GRAPH_OFFERS), VARY)
        if offer.key == "turtle":
            return Reply(200, content_type(offer), self._ontology_turtle, (VARY,))
        if offer.key == "html":  # a browser: show the Turtle as text rather than download it
            return Reply(200, TEXT, self._ontology_turtle, (VARY,))
        return Reply(200, content_type(offer), write_rdf(self._ontology, offer.key, self.graph.prefixes), (VARY,))


def _first(params: Mapping[str, list[str]], name: str) -> str | None:
    values = params.get(name)
    return values[0] if values else None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: a client's queries reuse one connection
    server_version = f"newsgraph/{__version__}"
    timeout = 120  # an idle or stalled connection is dropped after this many seconds
    # Headers and body are separate writes: with Nagle's algorithm the body waits for the
    # client's delayed ACK of the headers, ~40 ms on every answer of a kept-alive connection.
    disable_nagle_algorithm = True
    server: EndpointServer

    def do_GET(self) -> None:
        self._serve("GET")

    def do_HEAD(self) -> None:
        self._serve("HEAD")

    def do_POST(self) -> None:
        self._serve("POST")

    def _serve(self, method: str) -> None:
        started = time.monotonic()
        endpoint = self.server.endpoint
        body = b""
        if method == "POST":
            refusal, body = self._read_body(endpoint.limits.max_body)
            if refusal is not None:
                self._send(refusal, method)
                return
        try:
            reply = endpoint.handle(method, self.path, self.headers, body, started)
        except Exception as error:  # noqa: BLE001 - one line in the log, a 500 to the client
            self.server.log(f"error: {method} {escape_controls(self.path[:200])}: {type(error).__name__}: {error}")
            reply = text_reply(500, "the server failed to answer this request; its log says why")
        self._send(reply, method)

    def _read_body(self, limit: int) -> tuple[Reply | None, bytes]:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            self.close_connection = True
            return text_reply(411, "send the request body with a Content-Length"), b""
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            self.close_connection = True
            return text_reply(400, "Content-Length is not a number"), b""
        if length > limit:
            # Read (and drop) a moderate excess, so the client is not cut off mid-send
            # and sees the 413; then close, as the connection's state is no longer sure.
            self.close_connection = True
            left = length if length <= 16 * limit else 0
            while left > 0:
                chunk = self.rfile.read(min(left, 1 << 16))
                if not chunk:
                    break
                left -= len(chunk)
            return text_reply(413, f"the request body is {length:,} bytes; the limit is {limit:,}:"
                                   " send a shorter query"), b""
        return None, self.rfile.read(length)

    def _send(self, reply: Reply, method: str) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in reply.headers:
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if method != "HEAD":
            self.wfile.write(reply.body)

    def log_request(self, code="-", size="-") -> None:
        self.server.log(f'{self.client_address[0]} "{escape_controls(self.requestline[:300])}" {code}')

    def log_message(self, format: str, *args) -> None:  # http.server's own errors (bad request lines)
        self.server.log(escape_controls(format % args))


class EndpointServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, address: tuple[str, int], endpoint: Endpoint, log: Callable[[str], None]) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.endpoint = endpoint
        self.log = log
        self.open_sockets: set[socket.socket] = set()
        super().__init__(address, Handler)

    def process_request(self, request, client_address) -> None:
        self.open_sockets.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request) -> None:
        self.open_sockets.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request, client_address) -> None:
        error = sys.exc_info()[1]
        if not isinstance(error, (ConnectionError, TimeoutError)):
            self.log(f"error: answering {client_address[0]}: {type(error).__name__}: {error}")

    def close_inherited(self) -> None:
        """In a worker forked from the running server: drop its copies of the sockets.

        Otherwise a connection the server closes stays open in the worker, and
        the client waits for an end that never comes.
        """
        self.socket.close()
        for sock in list(self.open_sockets):
            sock.close()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def quiet_log(message: str) -> None:
    pass


def stderr_log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)

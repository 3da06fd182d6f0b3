"""A remote SPARQL 1.1 store as a :class:`~newsgraph.store.backend.Backend` (``--store http://...``).

Speaks the SPARQL 1.1 Protocol with the standard library only: a SELECT is
POSTed as ``application/sparql-query`` and read back as SPARQL JSON
results; an update is POSTed as ``application/sparql-update``. Each call
is one HTTP request, so a server that applies each request as one
transaction (Oxigraph server does) keeps the build's guarantee that a
document is stored whole or not at all. docs/remote-store.md has the URL
conventions, which servers are transactional, and the build lock.
"""
from __future__ import annotations

import base64
import getpass
import hashlib
import http.client
import json
import os
import re
import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.error import HTTPError, URLError
from urllib.parse import unquote, urlsplit, urlunsplit
from urllib.request import Request, urlopen

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from .. import __version__
from ..errors import GraphError
from .backend import Term

DEFAULT_TIMEOUT = 60.0

#: The named graph that holds the build lock. Not under the build's base IRI
#: and not a document graph, so nothing that reads or exports the graph meets it.
LOCK_GRAPH = "urn:newsgraph:build-lock"

_START_HINT = "is the server running? start it with `oxigraph serve --location DIR`"
_DCT = "http://purl.org/dc/terms/"
_XSD_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"


def is_remote(store: str) -> bool:
    """Whether a ``--store`` value names a SPARQL store over HTTP rather than a folder."""
    return store.lower().startswith(("http://", "https://"))


def public_url(url: str) -> str:
    """``url`` without its ``user:password@`` part: the only form that goes into a message."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


@dataclass(frozen=True)
class Endpoints:
    """Where one store answers queries, takes updates and (if known) serves the Graph Store Protocol."""

    query: str
    update: str
    graph_store: str | None = None


def discover_endpoints(url: str) -> Endpoints:
    """The endpoints of the store a user named with one URL, by the common server conventions.

    * ``http://h:p`` or ``http://h:p/`` (Oxigraph server): ``/query``, ``/update``, GSP ``/store``;
    * ``.../query`` or ``.../update``: that one and its sibling (``/ds/query`` + ``/ds/update``);
    * ``.../sparql``: the same URL for both (Virtuoso, Blazegraph, Neptune);
    * ``.../repositories/X`` (GraphDB, RDF4J): that for queries, ``.../repositories/X/statements``
      for updates;
    * any other path is a dataset (Fuseki ``http://h:3030/ds``, Stardog):
      ``/ds/query``, ``/ds/update``, GSP ``/ds/data``.

    Credentials and a query string in ``url`` are kept on every endpoint.
    """
    parts = urlsplit(url.strip())
    try:
        _ = parts.port  # urlsplit checks the port only when asked
    except ValueError:
        raise GraphError(f"{public_url(url)} has no valid port number: give one like http://127.0.0.1:7878") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise GraphError(
            f"{public_url(url)!r} is not the http(s) URL of a SPARQL store: give one like http://127.0.0.1:7878"
        )
    path = parts.path.rstrip("/")

    def at(p: str) -> str:
        return urlunsplit(parts._replace(path=p, fragment=""))

    parent, _, last = path.rpartition("/")
    if not path:
        return Endpoints(at("/query"), at("/update"), at("/store"))
    if last in ("query", "update"):
        # Oxigraph's /query sits at the root beside /store; Fuseki's /ds/query beside /ds/data.
        return Endpoints(at(parent + "/query"), at(parent + "/update"), at(parent + ("/data" if parent else "/store")))
    if last == "sparql":
        return Endpoints(at(path), at(path))
    if parent.rpartition("/")[2] == "repositories":
        return Endpoints(at(path), at(path + "/statements"), at(path + "/rdf-graphs/service"))
    if last == "statements" and parent.rpartition("/")[0].endswith("/repositories"):
        return Endpoints(at(parent), at(path), at(parent + "/rdf-graphs/service"))
    return Endpoints(at(path + "/query"), at(path + "/update"), at(path + "/data"))


def remote_backend(url: str, *, update_url: str | None = None, timeout: float = DEFAULT_TIMEOUT,
                   lock_graph: str = LOCK_GRAPH) -> RemoteBackend:
    """A backend for the store at ``url`` (see :func:`discover_endpoints`); ``update_url`` overrides the guess."""
    found = discover_endpoints(url)
    backend = RemoteBackend(found.query, update_url or found.update, timeout=timeout,
                            graph_store_url=found.graph_store, lock_graph=lock_graph)
    backend.location = public_url(url.strip())
    return backend


def default_lock_owner() -> str:
    """Who a lock names: enough for a person to find the build that holds it."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return f"{user}@{socket.gethostname()} pid {os.getpid()}"


class RemoteBackend:
    """A SPARQL 1.1 store behind HTTP: one request per select or update."""

    def __init__(self, query_url: str, update_url: str, *, timeout: float = DEFAULT_TIMEOUT,
                 graph_store_url: str | None = None, lock_graph: str = LOCK_GRAPH) -> None:
        self.query_url, self._query_auth = _split_credentials(query_url)
        self.update_url, self._update_auth = _split_credentials(update_url)
        self.graph_store_url = public_url(graph_store_url) if graph_store_url else None
        self.timeout = timeout
        self.location = self.query_url
        self.lock_graph = lock_graph
        self._lock_token: str | None = None

    # -- the Backend protocol ------------------------------------------------

    def select(self, query: str) -> list[tuple[Term | None, ...]]:
        body = self._post(self.query_url, self._query_auth, query, "application/sparql-query",
                          "application/sparql-results+json", "query")
        try:
            answer = json.loads(body)
        except ValueError:
            answer = None
        if isinstance(answer, dict) and "boolean" in answer:
            raise TypeError("select() takes a SELECT query")
        try:
            names = answer["head"]["vars"]
            bindings = answer["results"]["bindings"]
        except (KeyError, TypeError):
            raise GraphError(
                f"the SPARQL store at {self.query_url} sent an incomplete or non-JSON answer to a query "
                "(cut off by a server time limit?); try again, or raise the server's --timeout-s"
            ) from None
        try:
            return [tuple(_term(row[n]) if n in row else None for n in names) for row in bindings]
        except (ValueError, KeyError, TypeError) as e:
            raise GraphError(f"the SPARQL store at {self.query_url} sent a term newsgraph cannot read ({e}); "
                             "check that it is a SPARQL 1.1 store") from None

    def update(self, update: str) -> None:
        self._post(self.update_url, self._update_auth, update, "application/sparql-update", "*/*", "update")

    def close(self) -> None:
        # A build that ends without releasing (an error on the way out) must not leave a stale lock
        # behind if the server can still be told; if it cannot, the next build's message says how to clear it.
        if self._lock_token is not None:
            try:
                self.release_lock()
            except GraphError:
                pass

    # -- the build lock --------------------------------------------------------

    def acquire_lock(self, owner: str) -> None:
        """Hold the store's build lock, or GraphError naming who holds it and how to clear it.

        The insert happens only when no lock is there, and then every holder is read back: if a
        concurrent build slipped its lock in too (a store with snapshot isolation lets both
        inserts commit), this one withdraws. Each build reads after its own insert committed, so
        at least one of two racing builds sees the other and withdraws, never neither.
        """
        if self._lock_token is not None:
            return
        token = f"urn:uuid:{uuid.uuid4()}"
        since = datetime.now(UTC).replace(microsecond=0).isoformat()
        self.update(
            f"INSERT {{ GRAPH <{self.lock_graph}> {{ <{token}> <{_DCT}creator> {_string(owner)} ; "
            f'<{_DCT}created> "{since}"^^<{_XSD_DATETIME}> }} }} '
            f"WHERE {{ FILTER NOT EXISTS {{ GRAPH <{self.lock_graph}> {{ ?held <{_DCT}creator> ?anyone }} }} }}"
        )
        holders = self.lock_holders()
        others = [(t, who, when) for t, who, when in holders if t != token]
        if any(t == token for t, _, _ in holders) and not others:
            self._lock_token = token
            return
        if len(others) < len(holders):
            self._delete_lock(token)
        _, who, when = others[0] if others else ("", "another build", "")
        since_text = f" since {when}" if when else ""
        raise GraphError(
            f"the SPARQL store at {self.location} is locked by {who}{since_text}: another build is writing to it; "
            "wait for it to finish, or if no build is running (a stale lock), clear the lock with "
            f"`curl -X POST -H 'Content-Type: application/sparql-update' "
            f"--data 'DROP SILENT GRAPH <{self.lock_graph}>' {self.update_url}`"
        )

    def release_lock(self) -> None:
        """Give up the lock this backend holds (nothing if it holds none)."""
        if self._lock_token is not None:
            self._delete_lock(self._lock_token)
            self._lock_token = None

    def clear_lock(self) -> None:
        """Remove every build lock, whoever holds it: for a stale lock left by a build that died."""
        self.update(f"DROP SILENT GRAPH <{self.lock_graph}>")
        self._lock_token = None

    def lock_holders(self) -> list[tuple[str, str, str]]:
        """(token, owner, since) of every lock in the store, oldest first."""
        rows = self.select(
            f"SELECT ?held ?who ?since WHERE {{ GRAPH <{self.lock_graph}> {{ ?held <{_DCT}creator> ?who "
            f"OPTIONAL {{ ?held <{_DCT}created> ?since }} }} }} ORDER BY ?since ?held"
        )
        return [(held.value, who.value, since.value if since is not None else "") for held, who, since in rows]

    @contextmanager
    def locked(self, owner: str | None = None) -> Iterator[RemoteBackend]:
        """Hold the build lock for the ``with`` block."""
        self.acquire_lock(owner or default_lock_owner())
        try:
            yield self
        finally:
            self.release_lock()

    def _delete_lock(self, token: str) -> None:
        self.update(f"DELETE WHERE {{ GRAPH <{self.lock_graph}> {{ <{token}> ?p ?o }} }}")

    # -- HTTP --------------------------------------------------------------------

    def _post(self, url: str, auth: str | None, text: str, content_type: str, accept: str, what: str) -> bytes:
        headers = {"Content-Type": f"{content_type}; charset=utf-8", "Accept": accept,
                   "User-Agent": f"newsgraph/{__version__}"}
        if auth:
            headers["Authorization"] = auth
        request = Request(url, data=text.encode("utf-8"), headers=headers, method="POST")
        try:
            with urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except HTTPError as e:
            raise GraphError(_refusal(url, what, e)) from None
        except URLError as e:
            raise GraphError(_unreachable(url, e.reason, self.timeout)) from None
        except (OSError, http.client.HTTPException) as e:
            raise GraphError(_unreachable(url, e, self.timeout)) from None


def _split_credentials(url: str) -> tuple[str, str | None]:
    """(url without user:password, the Basic Authorization header they give, or None)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url, None
    userinfo = parts.netloc.rpartition("@")[0]
    user, _, password = userinfo.partition(":")
    token = base64.b64encode(f"{unquote(user)}:{unquote(password)}".encode()).decode("ascii")
    return public_url(url), f"Basic {token}"


def _unreachable(url: str, reason: object, timeout: float) -> str:
    if isinstance(reason, TimeoutError) or "timed out" in str(reason):
        return (f"the SPARQL store at {url} did not answer within {timeout:g} s; "
                "is it busy or stuck? try again, or look at the server's log")
    if isinstance(reason, socket.gaierror):
        host = urlsplit(url).hostname
        return f"cannot reach the SPARQL store at {url}: host {host!r} not found; check the host name in the URL"
    if isinstance(reason, ConnectionRefusedError):
        return f"cannot reach the SPARQL store at {url}: connection refused; {_START_HINT}"
    text = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
    return f"cannot reach the SPARQL store at {url}: {_one_line(text)}; {_START_HINT}"


def _refusal(url: str, what: str, error: HTTPError) -> str:
    try:
        body = error.read().decode("utf-8", errors="replace")
    except (OSError, http.client.HTTPException):
        body = ""
    if "html" in (error.headers.get("Content-Type") or "").lower():
        body = re.sub(r"<[^>]*>", " ", body)
    message = _one_line(body) or error.reason or "no message"
    code = error.code
    if code in (401, 403):
        advice = ("the server does not let this account change the store (is it read-only?): "
                  "give credentials as http://user:password@host/... or grant write access")
        if what == "query":
            advice = "give credentials as http://user:password@host/..."
    elif code in (404, 405, 406, 415):
        advice = (f"this URL is not a SPARQL {what} endpoint; give the store's URL in a form "
                  "docs/remote-store.md lists, or name the update endpoint explicitly")
    elif code == 413:
        advice = "the request is larger than the server accepts; raise its request size limit"
    elif code >= 500:
        advice = "the server failed; look at its log"
    else:
        advice = "the store may lack a SPARQL 1.1 feature newsgraph needs (docs/remote-store.md)"
    return f"the SPARQL store at {url} refused the {what} (HTTP {code}): {message}; {advice}"


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _string(value: str) -> str:
    """A SPARQL string literal for any text."""
    return json.dumps(value, ensure_ascii=False)


def _term(binding: dict) -> Term | Triple:
    """One SPARQL JSON results term as a pyoxigraph term."""
    kind, value = binding["type"], binding.get("value")
    if kind == "uri":
        return NamedNode(value)
    if kind == "bnode":
        try:
            return BlankNode(value)
        except ValueError:
            # Some servers name blank nodes with characters pyoxigraph refuses ("nodeID://b1");
            # a digest keeps the same node the same within and across answers.
            return BlankNode("b" + hashlib.sha1(value.encode("utf-8")).hexdigest())
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in binding:
            return Literal(value, language=binding["xml:lang"])
        if "datatype" in binding:
            return Literal(value, datatype=NamedNode(binding["datatype"]))
        return Literal(value)
    if kind == "triple":
        return Triple(_term(value["subject"]), _term(value["predicate"]), _term(value["object"]))
    raise ValueError(f"unknown term type {kind!r}")

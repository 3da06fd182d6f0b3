"""The SPARQL 1.1 Protocol, read-only: a request read into a :class:`SparqlTask`, run in a worker.

Three ways to send a query (SPARQL 1.1 Protocol, section 2.1): ``GET
/sparql?query=…``, ``POST`` of an ``application/x-www-form-urlencoded``
form with ``query=…``, and ``POST`` of the query itself as
``application/sparql-query``; ``default-graph-uri`` and ``named-graph-uri``
set the dataset. Updates (``update=`` or ``application/sparql-update``) are
refused with 403: the endpoint only reads.

An answer is written in full before it is sent, so a failure is always an
error status and never a 200 with a cut-off body: with a row cap, the rows
are counted first and an answer with more is refused (503).
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import islice

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    parse_query_results,
    serialize,
)

from ..errors import QueryError
from ..query.offline import SERVICE_REFUSED, has_service
from .negotiation import (
    GRAPH_OFFERS,
    RDF_FORMATS,
    RESULTS_FORMATS,
    RESULTS_OFFERS,
    choose,
    content_type,
    not_acceptable_message,
)
from .replies import Reply, text_reply
from .served import ServedGraph

QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
FORM_TYPE = "application/x-www-form-urlencoded"
READ_ONLY = "this endpoint is read-only: SPARQL updates are refused"

# An update's first keyword after its prologue; a text that fails to parse as a
# query and opens with one is refused as an update (403), not as bad syntax.
_UPDATE_START = re.compile(
    r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*|#[^\n]*\n\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)


_PLAIN_LOCAL = re.compile(r"[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?")


class Refused(QueryError):
    """A request the endpoint will not run; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class SparqlTask:
    """A query as the protocol gave it, with what the client accepts; run by a worker."""

    query: str
    accept: str | None = None
    format: str | None = None  # a short format name given as ``format=`` / ``output=``
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    def run(self, graph: ServedGraph) -> Reply:
        return evaluate(graph, self)


def sparql_task(method: str, params: Mapping[str, Sequence[str]], content_type_header: str | None,
                body: bytes, accept: str | None) -> SparqlTask:
    """The task a protocol request asks for, or :class:`Refused` saying why not.

    ``params`` are the URL's parameters (for a form, the URL's and the form's together).
    """
    media = (content_type_header or "").split(";")[0].strip().lower()
    if method == "POST" and media == UPDATE_TYPE or "update" in params:
        raise Refused(403, READ_ONLY)
    if method == "POST" and media == QUERY_TYPE:
        if "query" in params:
            raise Refused(400, "give the query once: in the body of an application/sparql-query POST, not also as query=")
        query = _decode(body)
    elif method == "POST" and media != FORM_TYPE:
        raise Refused(415, f"POST the query as {FORM_TYPE} (query=...) or as {QUERY_TYPE}, not {media or 'no type'}")
    else:
        given = params.get("query", [])
        if len(given) != 1:
            raise Refused(400, "give exactly one query: /sparql?query=SELECT... (SPARQL 1.1 Protocol)")
        query = given[0]
    return SparqlTask(
        query=query,
        accept=accept,
        format=_first(params, "format") or _first(params, "output"),
        default_graphs=tuple(params.get("default-graph-uri", ())),
        named_graphs=tuple(params.get("named-graph-uri", ())),
    )


def _first(params: Mapping[str, Sequence[str]], name: str) -> str | None:
    values = params.get(name)
    return values[0] if values else None


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused(400, "the query is not UTF-8 text") from None


def evaluate(graph: ServedGraph, task: SparqlTask) -> Reply:
    """Run ``task`` on the graph and write the answer in the format the client accepts."""
    try:
        return _evaluate(graph, task)
    except Refused as refused:
        return text_reply(refused.status, str(refused))


def _evaluate(graph: ServedGraph, task: SparqlTask) -> Reply:
    # SERVICE would make the server fetch any URL a client names. Oxigraph reads keywords
    # literally (no \u escapes), so a query without the word cannot have one, and the
    # slow check (rdflib's parser, ~50 ms) runs only on the rare query that has it.
    if "service" in task.query.lower():
        try:
            service = has_service(task.query)
        except QueryError as error:
            raise Refused(400, str(error)) from None
        if service:
            raise Refused(403, SERVICE_REFUSED)
    try:
        answer = graph.store.query(
            task.query,
            prefixes=dict(graph.prefixes),
            use_default_graph_as_union=graph.union_default and not task.default_graphs,
            default_graph=_graphs(task.default_graphs, default=True) or None,
            named_graphs=_graphs(task.named_graphs) or None,
        )
    except SyntaxError as error:
        if _UPDATE_START.match(task.query):
            raise Refused(403, READ_ONLY) from None
        raise Refused(400, f"invalid SPARQL: {' '.join(str(error).split())}") from None
    try:
        if isinstance(answer, QueryBoolean):
            return _results(task, answer)
        if isinstance(answer, QuerySolutions):
            return _results(task, _capped_solutions(answer, graph.max_rows))
        return _triples(graph, task, answer)
    except (OSError, ValueError, RuntimeError) as error:  # raised while the answer is evaluated
        raise Refused(500, f"the query failed: {' '.join(str(error).split())}") from None


def _graphs(iris: Sequence[str], *, default: bool = False) -> list:
    graphs = []
    for iri in iris:
        if default and iri == "":
            graphs.append(DefaultGraph())
            continue
        try:
            graphs.append(NamedNode(iri))
        except ValueError:
            raise Refused(400, f"{'default' if default else 'named'}-graph-uri {iri!r} is not an IRI") from None
    return graphs


def _too_many(limit: int, what: str) -> Refused:
    return Refused(503, f"the answer has more than {limit:,} {what}, the server's limit (--max-rows):"
                        " add LIMIT or narrow the query")


def _capped_solutions(solutions: QuerySolutions, limit: int | None):
    """The solutions, or Refused(503) when there are more than ``limit``.

    Counting consumes them, so the rows are written again as SPARQL TSV (terms in
    their N-Triples form: lossless) and read back for pyoxigraph's serialisers.
    """
    if limit is None:
        return solutions
    names = [v.value for v in solutions.variables]
    rows = list(islice(solutions, limit + 1))
    if len(rows) > limit:
        raise _too_many(limit, "rows")
    lines = ["\t".join(f"?{n}" for n in names)]
    lines += ["\t".join("" if row[n] is None else str(row[n]) for n in names) for row in rows]
    return parse_query_results("\n".join(lines) + "\n", QueryResultsFormat.TSV)


def _results(task: SparqlTask, answer) -> Reply:
    offer = choose(RESULTS_OFFERS, task.accept, task.format)
    if offer is None:
        raise Refused(406, not_acceptable_message(RESULTS_OFFERS))
    return Reply(200, content_type(offer), answer.serialize(format=RESULTS_FORMATS[offer.key]))


def _triples(graph: ServedGraph, task: SparqlTask, triples) -> Reply:
    offer = choose(GRAPH_OFFERS, task.accept, task.format)
    if offer is None:
        raise Refused(406, not_acceptable_message(GRAPH_OFFERS))
    limit = graph.max_rows
    taken = list(triples) if limit is None else list(islice(triples, limit + 1))
    if limit is not None and len(taken) > limit:
        raise _too_many(limit, "triples")
    return Reply(200, content_type(offer), write_rdf(taken, offer.key, graph.prefixes))


def write_rdf(triples: Sequence, key: str, prefixes: Mapping[str, str]) -> bytes:
    """Triples as Turtle (with the graph's prefixes), N-Triples, JSON-LD or RDF/XML."""
    fmt = RDF_FORMATS[key]
    if key == "turtle":
        used = _used_prefixes(triples, prefixes)
        return serialize(triples, format=fmt, prefixes=used)
    return serialize(triples, format=fmt)


def _used_prefixes(triples: Sequence, prefixes: Mapping[str, str]) -> dict[str, str]:
    """The prefixes the triples use, so a small description does not open with thirty lines.

    A prefix is left out when some IRI under it would need escapes as a prefixed
    name (``doc:k\\#char\\=0\\,9``): the whole IRI reads better.
    """
    iris = {t.value for triple in triples for t in (triple.subject, triple.predicate, triple.object)
            if isinstance(t, NamedNode)}
    iris |= {t.datatype.value for triple in triples for t in (triple.object,)
             if not isinstance(t, (NamedNode, BlankNode)) and hasattr(t, "datatype")}
    used = {}
    for name, namespace in prefixes.items():
        locals_ = [i[len(namespace):] for i in iris if i.startswith(namespace)]
        if locals_ and all(_PLAIN_LOCAL.fullmatch(local) for local in locals_):
            used[name] = namespace
    return used

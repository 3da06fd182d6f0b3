"""SPARQL over a built graph: load it, run a query (ad hoc or named), format the answer.

    graph file ──load_graph──▶ LoadedGraph ──run_query / run_named──▶ QueryResult ──format_result──▶ text

- ``loading.py``: the graph file (or a build folder's ``graph.ttl``) into an
  Oxigraph store, with the prefixes to show its IRIs with;
- ``running.py``: a SPARQL query, its parameters bound by substitution
  (never pasted into the text), materialised as a ``QueryResult``;
- ``named.py``: the ``.rq`` files shipped in ``newsgraph/queries``;
- ``formatting.py``: an answer as table, CSV, TSV, JSON or Turtle.

Queries run on Oxigraph's engine (pyoxigraph), never rdflib's: on news-sized
graphs rdflib's planner builds cross products that take minutes where
Oxigraph takes a fraction of a second (see NOTES-ecosystem.md).
"""
from __future__ import annotations

from .formatting import FORMATS, RDF_LANG_STRING, RDF_TYPE, RDF_TYPE_NODE, XSD_STRING, format_result, shorten
from .loading import (
    INSTANCE_PREFIXES,
    RDF_FORMATS,
    VOCABULARY_PREFIXES,
    XSD,
    LoadedGraph,
    display_prefixes,
    load_graph,
    resolve_graph_path,
)
from .named import (
    NamedQuery,
    QueryParam,
    bind_params,
    describe_named_queries,
    get_named_query,
    named_queries,
    parse_named_query,
    run_named,
)
from .running import QueryResult, Term, run_query

__all__ = sorted(
    [
        "FORMATS",
        "INSTANCE_PREFIXES",
        "LoadedGraph",
        "NamedQuery",
        "QueryParam",
        "QueryResult",
        "RDF_FORMATS",
        "RDF_LANG_STRING",
        "RDF_TYPE",
        "RDF_TYPE_NODE",
        "Term",
        "VOCABULARY_PREFIXES",
        "XSD",
        "XSD_STRING",
        "bind_params",
        "describe_named_queries",
        "display_prefixes",
        "format_result",
        "get_named_query",
        "load_graph",
        "named_queries",
        "parse_named_query",
        "resolve_graph_path",
        "run_named",
        "run_query",
        "shorten",
    ]
)

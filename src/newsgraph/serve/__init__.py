"""``newsgraph serve``: a read-only SPARQL 1.1 endpoint and a page for every entity.

    SOURCE ──load_graph──▶ ServedGraph ──fork──▶ WorkerPool (queries, pages)
                                                     ▲
    client ──HTTP──▶ EndpointServer (threads) ──Task─┘──Reply──▶ client

- ``app.py``: load, fork the workers, bind, serve until stopped;
- ``server.py``: routes, request bodies, limits, the Host check;
- ``pool.py``: worker processes that a time limit can kill;
- ``sparql.py``: the SPARQL 1.1 Protocol, answers in the format asked for;
- ``entity.py``, ``describe.py``, ``pages.py``: dereferencing an IRI to an
  HTML page or an RDF description;
- ``querypage.py``: the query page at ``/``;
- ``negotiation.py``: Accept headers and ``format=`` names.

See docs/serve.md.
"""
from __future__ import annotations

from .app import (
    DEFAULT_HOST,
    DEFAULT_MAX_ROWS,
    DEFAULT_PORT,
    DEFAULT_TIMEOUT,
    RunningServer,
    ServeOptions,
    default_workers,
    serve,
    start,
)
from .served import ServedGraph, served_graph

__all__ = sorted(
    [
        "DEFAULT_HOST",
        "DEFAULT_MAX_ROWS",
        "DEFAULT_PORT",
        "DEFAULT_TIMEOUT",
        "RunningServer",
        "ServeOptions",
        "ServedGraph",
        "default_workers",
        "serve",
        "served_graph",
        "start",
    ]
)

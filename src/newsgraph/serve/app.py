"""Start the server over a graph: load it, fork the workers, bind, announce, serve until stopped."""
from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..query import load_graph
from .pool import WorkerPool
from .served import ServedGraph, served_graph
from .server import Endpoint, EndpointServer, Limits, quiet_log, stderr_log

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_ROWS = 10_000


def default_workers() -> int:
    """Two workers at least, so a runaway query leaves one free; one per core up to eight."""
    return max(2, min(8, os.cpu_count() or 2))


@dataclass(frozen=True)
class ServeOptions:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    base: str | None = None  # None: the base the graph's IRIs use
    timeout: float | None = DEFAULT_TIMEOUT
    max_rows: int | None = DEFAULT_MAX_ROWS
    workers: int = 2
    quiet: bool = False


@dataclass
class RunningServer:
    """A bound server and its workers; ``serve_forever`` blocks, ``close`` stops both."""

    server: EndpointServer
    pool: WorkerPool
    graph: ServedGraph
    triples: int
    _thread: threading.Thread | None = field(default=None, init=False, repr=False)

    @property
    def url(self) -> str:
        return self.server.url

    def serve_forever(self) -> None:
        self.server.serve_forever(poll_interval=0.25)

    def serve_in_thread(self) -> threading.Thread:
        self._thread = threading.Thread(target=self.serve_forever, name="newsgraph-serve", daemon=True)
        self._thread.start()
        return self._thread

    def close(self) -> None:
        if self._thread is not None:
            self.server.shutdown()
            self._thread.join(5)
        self.server.server_close()
        self.pool.close()


def start(source: str | Path, options: ServeOptions = ServeOptions()) -> RunningServer:
    """Load ``source`` (a graph file, a build folder, a store folder) and bind the server.

    The workers are forked before the server exists, so the first ones
    inherit no socket; InputError when the address cannot be bound.
    """
    loaded = load_graph(source)
    graph = served_graph(loaded, base=options.base, max_rows=options.max_rows)
    triples = _count(graph)
    pool = WorkerPool(graph, options.workers)
    try:
        endpoint = Endpoint(graph, pool, Limits(timeout=options.timeout), host=options.host)
        server = EndpointServer((options.host, options.port), endpoint, quiet_log if options.quiet else stderr_log)
    except OSError as error:
        pool.close()
        raise InputError(
            f"cannot listen on {options.host}:{options.port}: {error.strerror or error}:"
            " give another --port (0 picks a free one) or --host"
        ) from None
    except BaseException:
        pool.close()
        raise
    pool.after_fork = server.close_inherited
    return RunningServer(server=server, pool=pool, graph=graph, triples=triples)


def _count(graph: ServedGraph) -> int:
    rows = graph.store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                             use_default_graph_as_union=graph.union_default)
    return int(next(iter(rows))["n"].value)


def serve(source: str | Path, options: ServeOptions = ServeOptions(),
          announce: Callable[[str], None] = print) -> None:
    """Serve ``source`` until Ctrl-C or SIGTERM; the workers are stopped on the way out."""
    running = start(source, options)
    try:
        announce(f"serving {running.graph.source} ({running.triples:,} triples) at {running.url}"
                 f" · SPARQL at {running.url}sparql · Ctrl-C stops it")
        running.serve_forever()
    finally:
        running.close()

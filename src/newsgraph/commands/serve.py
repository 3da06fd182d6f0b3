"""``newsgraph serve``: a read-only SPARQL endpoint and entity pages over a built graph."""
from __future__ import annotations

import click

from ..serve import (
    DEFAULT_HOST,
    DEFAULT_MAX_ROWS,
    DEFAULT_PORT,
    DEFAULT_TIMEOUT,
    ServeOptions,
    default_workers,
    serve,
)

EPILOG = """\b
Examples:
  newsgraph serve output/
  newsgraph serve output/graph.ttl --port 8080 --timeout 30
  curl 'http://127.0.0.1:7878/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D'
  curl -H 'Accept: text/turtle' http://127.0.0.1:7878/person/antony-blinken

\b
Routes: / (query page), /sparql (SPARQL 1.1 Protocol, read-only),
/ontology, and /{path} for the IRI {base}{path} (HTML or RDF by Accept).
Ctrl-C stops the server (exit 130). See docs/serve.md.
"""


@click.command("serve", epilog=EPILOG)
@click.argument("source", metavar="SOURCE")
@click.option("--host", default=DEFAULT_HOST, show_default=True,
              help="Address to listen on; 0.0.0.0 opens the server to other machines.")
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True,
              help="Port to listen on; 0 picks a free one (the first line says which).")
@click.option("--base", metavar="IRI",
              help="Base of the entity IRIs that paths map to (default: the one the graph's IRIs use).")
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True,
              metavar="SECONDS", help="Stop a query or page after SECONDS and answer 503; 0 for no limit.")
@click.option("--max-rows", type=click.IntRange(min=0), default=DEFAULT_MAX_ROWS, show_default=True, metavar="N",
              help="Refuse (503) an answer of more than N rows or triples; 0 for no limit.")
@click.option("--workers", type=click.IntRange(min=1), default=default_workers(), show_default=True, metavar="N",
              help="Query worker processes: how many queries run at once.")
@click.option("--quiet", "-q", is_flag=True, help="Do not log each request on stderr.")
def command(source: str, host: str, port: int, base: str | None, timeout: float, max_rows: int,
            workers: int, quiet: bool) -> None:
    """Serve SOURCE (a graph file, a build folder or a store folder) over HTTP.

    A SPARQL 1.1 endpoint at /sparql (read-only: updates get 403; answers
    as JSON, XML, CSV, TSV, Turtle, N-Triples or JSON-LD by Accept), a page
    for every entity (HTML for a browser, Turtle or JSON-LD for a machine),
    the ontology at /ontology and a query page at /. It listens on
    127.0.0.1 unless --host says otherwise.
    """
    options = ServeOptions(host=host, port=port, base=base, timeout=timeout or None, max_rows=max_rows or None,
                           workers=workers, quiet=quiet)
    serve(source, options, announce=lambda line: click.echo(line))

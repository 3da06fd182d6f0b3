"""``newsgraph query``: run SPARQL (a string, a file or a named query) on a built graph."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import MissingInputError, UnreadableInputError
from ..query import (
    FORMATS,
    describe_named_queries,
    format_result,
    get_named_query,
    load_graph,
    run_named,
    run_query,
)
from ..query.formatting import escape_controls
from ..query.worker import DEFAULT_TIMEOUT, run_bounded

DEFAULT_MAX_ROWS = 10_000

EPILOG = """\b
Examples:
  newsgraph query output/ 'SELECT ?s WHERE { ?s a <https://w3id.org/newsgraph/ontology#Person> }'
  newsgraph query output/graph.ttl -f my-query.rq --format csv
  newsgraph query output/ --named actors
  newsgraph query output/ --named mentions-of "Maria Lindqvist"
  newsgraph query --list-named
  newsgraph query output/ --timeout 120 --max-rows 0 'SELECT * WHERE { ?s ?p ?o }'

\b
Exit codes: 0 answered, 2 invalid query or usage, 124 stopped by --timeout,
130 stopped by Ctrl-C.
"""


@click.command("query", epilog=EPILOG)
@click.argument("args", nargs=-1, metavar="GRAPH [QUERY | VALUE...]")
@click.option(
    "-f", "--file", "query_file", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
    help="Read the SPARQL query from FILE.",
)
@click.option("--named", metavar="NAME", help="Run a named query; its parameter values follow GRAPH.")
@click.option("--list-named", is_flag=True, help="List the named queries and their parameters, then exit.")
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
    help="How SELECT answers are printed (csv, tsv and json follow the SPARQL 1.1 results formats).",
)
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True,
              metavar="SECONDS", help="Stop the query after SECONDS (exit 124); 0 for no limit.")
@click.option("--max-rows", type=click.IntRange(min=0), default=DEFAULT_MAX_ROWS, show_default=True, metavar="N",
              help="Print at most N rows (or triples) and say so when there were more; 0 for no limit.")
def command(args: tuple[str, ...], query_file: Path | None, named: str | None, list_named: bool, fmt: str,
            timeout: float, max_rows: int) -> None:
    """Run a SPARQL query on GRAPH (a .ttl/.nt/.trig/.jsonld file, or a build folder).

    SELECT answers print as a table (or --format csv/tsv/json), ASK as
    true/false, CONSTRUCT and DESCRIBE as Turtle.
    """
    seconds = timeout or None
    limit = max_rows or None
    if list_named or named == "list":
        click.echo(describe_named_queries())
        return
    if not args:
        raise click.UsageError("give the GRAPH to query (a graph file or a build folder) and a query")
    graph_path, rest = args[0], args[1:]
    if named is not None and query_file is not None:
        raise click.UsageError("give one query: a QUERY string, -f FILE or --named NAME, not several")
    if named is not None:
        query = get_named_query(named)
        if len(rest) > len(query.params):
            extra = rest[len(query.params)]
            raise click.UsageError(
                f"unexpected argument {extra!r}: named query {named!r} takes {len(query.params)} value(s)"
                f" (--named {query.usage}); give a QUERY string or --named, not both"
            )
        graph = load_graph(graph_path)
        result = run_bounded(lambda: run_named(graph, named, rest, limit=limit), timeout=seconds)
    else:
        if query_file is not None and rest:
            raise click.UsageError("give one query: a QUERY string or -f FILE, not both")
        if query_file is None and not rest:
            raise click.UsageError("give a QUERY string, -f FILE or --named NAME (see --list-named)")
        if len(rest) > 1:
            raise click.UsageError(f"unexpected argument {rest[1]!r}: quote the whole query as one argument")
        text = _read_query_file(query_file) if query_file is not None else rest[0]
        graph = load_graph(graph_path)
        result = run_bounded(lambda: run_query(graph, text, limit=limit), timeout=seconds)
    for note in result.notes:
        click.echo(note, err=True)
    output = format_result(result, fmt, graph.prefixes)
    # Text from articles must not drive the terminal (escape sequences, hyperlinks, bells).
    click.echo(escape_controls(output) if sys.stdout.isatty() else output, nl=False)
    if result.truncated:
        click.echo(f"warning: only the first {max_rows} rows are shown; more matched:"
                   " add LIMIT, or give --max-rows N (0: no limit)", err=True)


def _read_query_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MissingInputError(f"query file '{path}' does not exist: check the path") from None
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableInputError(f"cannot read query file '{path}': {error}") from None

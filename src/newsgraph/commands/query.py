"""``newsgraph query``: run SPARQL (a string, a file or a named query) on a built graph."""
from __future__ import annotations

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

EPILOG = """\b
Examples:
  newsgraph query output/ 'SELECT ?s WHERE { ?s a <https://w3id.org/newsgraph/ontology#Person> }'
  newsgraph query output/graph.ttl -f my-query.rq --format csv
  newsgraph query output/ --named actors
  newsgraph query output/ --named mentions-of "Maria Lindqvist"
  newsgraph query --list-named
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
def command(args: tuple[str, ...], query_file: Path | None, named: str | None, list_named: bool, fmt: str) -> None:
    """Run a SPARQL query on GRAPH (a .ttl/.nt/.trig/.jsonld file, or a build folder).

    SELECT answers print as a table (or --format csv/tsv/json), ASK as
    true/false, CONSTRUCT and DESCRIBE as Turtle.
    """
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
        result = run_named(graph, named, rest)
    else:
        if query_file is not None and rest:
            raise click.UsageError("give one query: a QUERY string or -f FILE, not both")
        if query_file is None and not rest:
            raise click.UsageError("give a QUERY string, -f FILE or --named NAME (see --list-named)")
        if len(rest) > 1:
            raise click.UsageError(f"unexpected argument {rest[1]!r}: quote the whole query as one argument")
        text = _read_query_file(query_file) if query_file is not None else rest[0]
        graph = load_graph(graph_path)
        result = run_query(graph, text)
    click.echo(format_result(result, fmt, graph.prefixes), nl=False)


def _read_query_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MissingInputError(f"query file '{path}' does not exist: check the path") from None
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableInputError(f"cannot read query file '{path}': {error}") from None

"""``newsgraph export``: the graph in any RDF format, or its actor network for Gephi and friends."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import GraphError
from ..export import FORMATS, export_graph, format_for
from ..query.loading import load_graph


@click.command("export")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS), case_sensitive=False), default=None,
              help="File format; guessed from the --out suffix when left out.")
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The file to write (replaced whole); standard output when left out.")
@click.option("--licence", "--license", "licence", metavar="URL", default=None,
              help="The licence of the data (an IRI), as dcterms:license in the description.")
@click.option("--endpoint", metavar="URL", default=None,
              help="The SPARQL endpoint serving the data, as void:sparqlEndpoint in the description.")
@click.option("--places", is_flag=True, help="graphml/gexf: also export places and which actors acted there.")
def command(source: Path, fmt: str | None, out: Path | None, licence: str | None, endpoint: str | None,
            places: bool) -> None:
    """Export SOURCE (a graph file, a build folder or a store folder) as FORMAT.

    turtle, ntriples, rdfxml and jsonld hold the default graph (the merged
    graph); trig and nquads also keep the named graphs (one per document).
    graphml and gexf hold the actor network the page draws. Every export
    carries a VoID/DCAT description of the dataset and of what made it.
    """
    if fmt is None and out is None:
        raise click.UsageError("give --format (or an --out file whose suffix names one)")
    try:
        chosen = format_for(fmt, out)
    except GraphError as error:  # a suffix that names no format: the user's to fix
        raise click.UsageError(str(error)) from None
    if places and chosen.kind != "network":
        raise click.UsageError("--places only applies to --format graphml or gexf")
    written = export_graph(load_graph(source), out, chosen.name, licence=licence, endpoint=endpoint,
                           include_places=places)
    if out is not None:
        click.echo(written.summary())

"""``newsgraph export``: the actor network as GraphML or GEXF."""
from __future__ import annotations

from pathlib import Path

import click

from ..export import WRITERS, export_graph
from ..viz import read_graph


@click.command("export")
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(sorted(WRITERS)), default=None,
              help="File format; guessed from the --out suffix when left out.")
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The file to write.")
@click.option("--places", is_flag=True, help="Also export places and which actors acted there.")
def command(graph: Path, fmt: str | None, out: Path, places: bool) -> None:
    """Export the network of GRAPH for Gephi, Cytoscape or yEd.

    Nodes are the actors (label, type, aliases, mentions); edges are roles
    and merged events (kind, label, type, count), as on the network page.
    """
    if fmt is None:
        fmt = out.suffix.lstrip(".").lower()
        if fmt not in WRITERS:
            raise click.UsageError(f"cannot tell the format from '{out.name}': add --format graphml or --format gexf")
    written = export_graph(read_graph(graph), out, fmt, include_places=places)
    click.echo(f"wrote {written.path} ({written.format}, {written.nodes} nodes, {written.edges} edges)")

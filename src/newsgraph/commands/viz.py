"""``newsgraph viz``: write the interactive network page of a graph."""
from __future__ import annotations

from pathlib import Path

import click

from ..query.loading import load_graph
from ..viz import write_page


@click.command("viz")
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), default=Path("graph.html"),
              show_default=True, help="The HTML file to write.")
@click.option("--places", is_flag=True, help="Also draw places (where events happened).")
@click.option("--max-nodes", type=click.IntRange(min=1), metavar="N", help="Keep only the N most connected nodes.")
@click.option("--focus", metavar="NAME", help="Draw only the neighbourhood of the node with this name or alias.")
@click.option("--hops", type=click.IntRange(min=0), metavar="N",
              help="How many steps around --focus to draw.  [default: 2]")
@click.option("--title", default="newsgraph", show_default=True, help="Title of the page.")
def command(graph: Path, out: Path, places: bool, max_nodes: int | None, focus: str | None,
            hops: int | None, title: str) -> None:
    """Write an interactive network page of GRAPH (a .ttl file or a build folder).

    The page is one HTML file that works offline: people, organisations and
    states with their roles and events; hover or click for the sentences
    behind them; filter by type and time; search by name.
    """
    if hops is not None and focus is None:
        raise click.UsageError("--hops only applies with --focus NAME")
    page = write_page(load_graph(graph), out, include_places=places, max_nodes=max_nodes, focus=focus,
                      hops=2 if hops is None else hops, title=title)
    click.echo(f"wrote {page.path} ({page.nodes} nodes, {page.edges} edges)")

"""``newsgraph stats``: counts, central actors and communities of a graph."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..analytics import graph_stats, stats_text
from ..query.formatting import escape_controls
from ..query.loading import load_graph


@click.command("stats")
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="A readable report, or JSON for other tools.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many actors and communities to list.")
def command(graph: Path, fmt: str, top: int) -> None:
    """Count what GRAPH holds and find its central actors and communities.

    Counts instances by class and events by PLOVER type, modality and mode,
    with how many have no target (those are never edges), ranks actors by
    degree and betweenness in the network the page draws, and groups them
    with Louvain community detection (seed 0, so the answer is repeatable).
    """
    stats = graph_stats(load_graph(graph), top=top)
    text = json.dumps(stats, indent=2, ensure_ascii=False) if fmt == "json" else stats_text(stats)
    # Names come from articles: never let them drive the terminal.
    click.echo(escape_controls(text) if sys.stdout.isatty() else text)

"""``newsgraph build PATH... --out DIR``: news text in, graph.ttl (and graph.html) out."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..graph.iris import DEFAULT_BASE
from ._progress import document_progress


@click.command(name="build")
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder to write graph.ttl (and graph.html) into [default: output, unless --store is given].")
@click.option("--store", default=None, metavar="DIR|URL",
              help="Load into a persistent store: a folder (embedded Oxigraph, created when new) or the URL of a"
                   " SPARQL 1.1 store. Unchanged documents are skipped, changed ones replaced.")
@click.option("--root", default=None, metavar="DIR",
              help="Name documents by their path relative to DIR (default: the current folder).")
@click.option("--id", "doc_id", default=None, metavar="ID",
              help="Name the one input document ID instead of by its URL or path.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI of the entities and documents.")
@click.option("--model", default=None, help="spaCy pipeline to use (default: en_core_web_sm).")
@click.option("--timezone", default="UTC", show_default=True,
              help="Time zone of sign-off times that name none (e.g. Europe/London).")
@click.option("--published", default=None, metavar="DATE",
              help="Publication date (2025-03-03, or with a time and zone) of every plain-text input (.txt, .md,"
                   " stdin) whose front matter gives none.")
@click.option("--url", default=None, metavar="URL",
              help="Canonical URL of every plain-text input whose front matter gives none.")
@click.option("--field", "fields", multiple=True, metavar="NAME=KEY",
              help="Read JSON Lines / JSON field NAME (text, title, url, published, author) from the records'"
                   " KEY, e.g. --field text=body; repeat for more fields.")
@click.option("--html/--no-html", default=True, show_default=True, help="Also write the network page graph.html.")
@click.option("--max-bytes", default="64M", show_default=True, metavar="SIZE",
              help="Skip (with a warning) any input file or stream larger than SIZE (bytes, or K/M/G).")
@click.option("--strict", is_flag=True,
              help="Exit 3 when the graph was written but some input was skipped or repaired.")
@click.option("--workers", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Processes for the NLP and extraction (0: one per CPU); the graph is the same.")
@click.option("--dask", "dask", default=None, metavar="local|tcp://HOST:8786",
              help="Run the NLP and extraction on a Dask cluster: 'local' starts one on this machine, or give"
                   " a scheduler's address (pip install 'newsgraph[distributed]').")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@click.option("--verbose", "-v", is_flag=True,
              help="Say on stderr each document as it is written (\"loaded KEY: ...\"), once it is in the store.")
def command(paths: tuple[str, ...], out: Path | None, store: str | None, root: str | None, doc_id: str | None,
            base: str, model: str | None, timezone: str,
            published: str | None, url: str | None, fields: tuple[str, ...], html: bool, max_bytes: str, strict: bool, quiet: bool,
            verbose: bool, workers: int, dask: str | None) -> None:
    """Build a knowledge graph from news files.

    PATHS are files (.txt, .md, .html, .jsonl, .json), folders (read recursively),
    or - for standard input. Writes DIR/graph.ttl (Turtle) and, unless
    --no-html, DIR/graph.html (the interactive network page).

    Exits 0 when the graph was written, 1 or 2 when nothing was written.
    Input that was skipped or changed is said in a "warning:" line on stderr;
    with --strict such a build exits 3, so a script can tell a clean build
    from one with warnings (a graph written with warnings is still a graph:
    pipelines that treat any non-zero exit as a failure keep it by default).
    """
    from ..errors import EXIT_BUILT_WITH_WARNINGS
    from ..ingest.files import parse_size
    from ..load import Loaded
    from ..pipeline import build

    def _say_loaded(done: Loaded) -> None:
        click.echo(f"loaded {done.key}: {done.entities} entities, {done.memberships} roles, {done.events} events,"
                   f" {done.quotations} quotations ({done.quads} quads)", err=True)

    limit = parse_size(max_bytes)
    if out is None and store is None:
        out = Path("output")

    def warn(message: str) -> None:
        click.echo(f"warning: {message}", err=True)

    with document_progress(enabled=not quiet) as progress:
        report = build(list(paths), out, store=store, root=root, doc_id=doc_id, base=base, model=model,
                       write_html=html, timezone=timezone, max_bytes=limit, warn=warn, progress=progress, published=published, url=url,
                       fields=fields, loaded=_say_loaded if verbose else None,
                       workers=workers, dask=dask)
    if not quiet:
        click.echo(report.summary())
        if report.html_path is not None:
            click.echo(f"wrote {report.html_path}")
        sys.stdout.flush()
        if report.words:
            click.echo(f"took {report.seconds:.1f} s ({report.words / max(report.seconds, 1e-9):,.0f} words/s)",
                       err=True)
    sys.stdout.flush()
    if report.warnings:
        n = len(report.warnings)
        plural = "s" if n != 1 else ""
        if strict:
            click.echo(f"built with {n} warning{plural} (exit {EXIT_BUILT_WITH_WARNINGS})", err=True)
            sys.exit(EXIT_BUILT_WITH_WARNINGS)
        click.echo(f"built with {n} warning{plural}", err=True)

"""``newsgraph evaluate``: build each gold-annotated text and score the graph against its gold file."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..atomic import write_atomically
from ..errors import EvaluationError
from ..evaluate import evaluate_dir, format_json, format_report, pipeline_build
from ..graph.iris import DEFAULT_BASE


@click.command("evaluate")
@click.argument("docs_dir", metavar="DOCS_DIR", type=click.Path(path_type=Path))
@click.option("-v", "--verbose", is_flag=True, help="List false positives and misses, and the breakdowns by type.")
@click.option("--ext", default="txt", show_default=True, help="Extension of the text beside each NAME.gold.json.")
@click.option("--json", "json_file", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Also write the scores (micro, breakdowns, per document) to FILE as JSON.")
@click.option("--model", metavar="NAME", help="spaCy model for the build (default: the pipeline's own).")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI for the built graphs.")
@click.option("--quiet", "-q", is_flag=True, help="No progress lines on stderr.")
def command(docs_dir: Path, verbose: bool, ext: str, json_file: Path | None, model: str | None, base: str,
            quiet: bool) -> None:
    """Score extraction against gold annotations.

    For every NAME.gold.json in DOCS_DIR, build the graph of NAME.txt (or
    NAME.EXT) and report precision, recall and F1 of entities, roles and
    events, and of quotations where the gold files list them, per document
    and micro-averaged (rules: see the annotation guidelines). Exits 1 when
    a build failed.
    """
    show = not quiet and sys.stderr.isatty()

    def progress(n: int, total: int, name: str) -> None:
        if show:
            click.echo(f"[{n}/{total}] building {name}", err=True)

    report = evaluate_dir(docs_dir, ext=ext, build=pipeline_build(model=model, base=base), progress=progress)
    click.echo(format_report(report, verbose=verbose), nl=False)
    if json_file is not None:
        try:
            write_atomically(json_file, format_json(report).encode("utf-8"))
        except OSError as error:
            raise EvaluationError(f"cannot write scores to '{json_file}': {error.strerror or error}") from None
    if report.failed:
        names = ", ".join(d.name for d in report.failed)
        raise click.ClickException(f"the build failed for {names}: those documents scored as empty graphs")

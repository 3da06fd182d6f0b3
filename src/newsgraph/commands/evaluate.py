"""``newsgraph evaluate``: build each gold-annotated text and score the graph against its gold file."""
from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path

import click

from ..errors import EvaluationError
from ..evaluate import SECTIONS, Counts, EvaluationReport, evaluate_dir, pipeline_build
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
    events per document and micro-averaged (rules: see the annotation
    guidelines). Exits 1 when a build failed.
    """
    show = not quiet and sys.stderr.isatty()

    def progress(n: int, total: int, name: str) -> None:
        if show:
            click.echo(f"[{n}/{total}] building {name}", err=True)

    report = evaluate_dir(docs_dir, ext=ext, build=pipeline_build(model=model, base=base), progress=progress)
    click.echo(format_report(report, verbose=verbose), nl=False)
    if json_file is not None:
        try:
            json_file.write_text(json.dumps(report.as_dict(), indent=2) + "\n", encoding="utf-8")
        except OSError as error:
            raise EvaluationError(f"cannot write scores to '{json_file}': {error.strerror or error}") from None
    if report.failed:
        names = ", ".join(d.name for d in report.failed)
        raise click.ClickException(f"the build failed for {names}: those documents scored as empty graphs")


def _prf(counts: Counts) -> str:
    return f"{counts.precision:.2f} {counts.recall:.2f} {counts.f1:.2f}"


def format_report(report: EvaluationReport, *, verbose: bool = False) -> str:
    """The evaluation table; with ``verbose`` the errors of each document and the breakdowns."""
    width = max([40, *(len(d.name) for d in report.documents)])
    header = ["entities P/R/F", "roles P/R/F", "events P/R/F"]

    def row(name: str, counts: Mapping[str, Counts]) -> str:
        return f"{name:{width}}  " + "    ".join(f"{_prf(counts[s]):14}" for s in SECTIONS).rstrip()

    lines = [f"{'document':{width}}  " + "    ".join(f"{h:14}" for h in header).rstrip()]
    for doc in report.documents:
        lines.append(row(doc.name, doc.counts))
        if doc.build_error:
            lines.append(f"    build failed: {doc.build_error}")
        if verbose:
            lines.extend(f"    {e.section:8} {e.kind}  {e.text}" for e in doc.errors)
    micro = report.micro
    lines.append(row("MICRO", micro))
    if verbose:
        titles = {"entities": "entities by type", "events": "events by PLOVER type", "roles": "roles by status"}
        for section in ("entities", "events", "roles"):
            groups = report.breakdown[section]
            if not groups:
                continue
            lines.append(f"  {titles[section]:{width - 2}}  P    R    F       tp   fp   fn")
            for group, c in groups.items():
                lines.append(f"    {group:{width - 4}}  {_prf(c)}    {c.tp:3d}  {c.fp:3d}  {c.fn:3d}")
    lines.append(" ".join(f"{s}_f1={micro[s].f1:.3f}" for s in SECTIONS))
    return "\n".join(lines) + "\n"

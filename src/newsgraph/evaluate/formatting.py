"""An evaluation report as the ``evaluate`` command prints it (a table) and writes it (JSON).

Kept in the library, beside the report it formats, so the command stays a
thin shell and any caller (a notebook, CI) prints exactly what the command
prints.
"""
from __future__ import annotations

import json
from collections.abc import Mapping

from .report import Counts, EvaluationReport

_TITLES = {"entities": "entities by type", "events": "events by PLOVER type", "roles": "roles by status"}


def _prf(counts: Counts) -> str:
    return f"{counts.precision:.2f} {counts.recall:.2f} {counts.f1:.2f}"


def format_report(report: EvaluationReport, *, verbose: bool = False) -> str:
    """The evaluation table, one row per document, MICRO and a line of micro F1 scores.

    Columns: entities, roles, events, and quotes when a gold file lists
    quotations (a document whose gold file has none shows "-" there). With
    ``verbose``, each document's false positives and misses under its row,
    and under MICRO the breakdowns (entities by type, events by PLOVER type,
    roles by status).
    """
    width = max([40, *(len(d.name) for d in report.documents)])
    sections = report.sections

    def row(name: str, counts: Mapping[str, Counts]) -> str:
        cells = (_prf(counts[s]) if s in counts else "-" for s in sections)
        return f"{name:{width}}  " + "    ".join(f"{c:14}" for c in cells).rstrip()

    lines = [f"{'document':{width}}  " + "    ".join(f"{s + ' P/R/F':14}" for s in sections).rstrip()]
    for doc in report.documents:
        lines.append(row(doc.name, doc.counts))
        if doc.build_error:
            lines.append(f"    build failed: {doc.build_error}")
        if verbose:
            lines.extend(f"    {e.section:8} {e.kind}  {e.text}" for e in doc.errors)
    micro = report.micro
    lines.append(row("MICRO", micro))
    if verbose:
        for section in ("entities", "events", "roles"):
            groups = report.breakdown[section]
            if not groups:
                continue
            lines.append(f"  {_TITLES[section]:{width - 2}}  P    R    F       tp   fp   fn")
            for group, c in groups.items():
                lines.append(f"    {group:{width - 4}}  {_prf(c)}    {c.tp:3d}  {c.fp:3d}  {c.fn:3d}")
    lines.append(" ".join(f"{s}_f1={micro[s].f1:.3f}" for s in sections))
    return "\n".join(lines) + "\n"


def format_json(report: EvaluationReport) -> str:
    """The report as indented JSON (micro, breakdowns, each document's counts and errors), newline-ended."""
    return json.dumps(report.as_dict(), indent=2) + "\n"

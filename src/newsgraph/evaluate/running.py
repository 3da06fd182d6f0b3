"""Score a folder of documents: build each ``NAME.EXT`` beside a ``NAME.gold.json`` and score it.

The build step is a seam (``build(input_path, out_dir) -> graph file``): the
default runs the product pipeline, tests pass a cheap one. Every gold file
is checked before the first (slow) build, and a document whose build fails
scores as an empty graph carrying the error, so one bad input does not hide
the others' scores.
"""
from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pyoxigraph import Store

from ..errors import EvaluationError, NewsgraphError
from ..graph.iris import DEFAULT_BASE
from ..query import LoadedGraph, load_graph
from .matching import check_gold
from .report import DocumentScore, EvaluationReport
from .scoring import score_graph

Build = Callable[[Path, Path], Path]


def load_gold(path: Path) -> dict[str, Any]:
    """Read a gold file; malformed JSON is reported with its line and column."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise EvaluationError(
            f"gold file '{path}' is not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationError(f"cannot read gold file '{path}': {error}") from None
    if not isinstance(data, dict):
        raise EvaluationError(f"gold file '{path}' must hold a JSON object with entities, roles and events")
    return data


def pipeline_build(*, model: str | None = None, base: str = DEFAULT_BASE) -> Build:
    """The product's own build, as a ``build(input_path, out_dir) -> graph.ttl`` callable."""

    def build(input_path: Path, out_dir: Path) -> Path:
        try:
            from ..pipeline import build as run_pipeline
        except ImportError as error:
            raise EvaluationError(f"the build pipeline cannot be imported ({error}): reinstall newsgraph") from None
        report = run_pipeline([str(input_path)], out_dir, base=base, model=model, write_html=False)
        return Path(report.graph_path)

    return build


def evaluate_dir(
    docs_dir: str | Path,
    *,
    ext: str = "txt",
    build: Build | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> EvaluationReport:
    """Build every ``NAME.EXT`` that has a ``NAME.gold.json`` beside it and score it.

    ``build(input_path, out_dir)`` writes a graph and returns its path (the
    default runs the product pipeline). A document whose build fails with a
    NewsgraphError scores as an empty graph and carries the error, so one bad
    input does not hide the others' scores.
    """
    folder = Path(docs_dir)
    golds = sorted(folder.glob("*.gold.json")) if folder.is_dir() else []
    if not golds:
        raise EvaluationError(
            f"no *.gold.json files in '{folder}': "
            f"evaluate needs NAME.{ext.lstrip('.')} beside NAME.gold.json (see docs)"
        )
    build = build or pipeline_build()
    suffix = "." + ext.lstrip(".")
    documents = []
    for gold_path in golds:  # check every gold file before the first (slow) build
        name, gold = gold_path.name[: -len(".gold.json")], load_gold(gold_path)
        source = gold_path.with_name(name + suffix)
        if not source.is_file():
            raise EvaluationError(
                f"gold file '{gold_path}' has no '{source.name}' beside it: add the text or use --ext"
            )
        check_gold(gold, gold_path.name)  # "d1.gold.json: entities[3].aliases must be a list of strings"
        documents.append((name, gold, source))
    scores = []
    for n, (name, gold, source) in enumerate(documents, 1):
        if progress:
            progress(n, len(documents), name)
        with tempfile.TemporaryDirectory(prefix="newsgraph-eval-") as tmp:
            graph: LoadedGraph | Store
            try:
                graph, error = load_graph(build(source, Path(tmp))), None
            except NewsgraphError as failure:
                graph, error = Store(), str(failure)
            score = score_graph(graph, gold, name=name)
        scores.append(DocumentScore(score.name, score.counts, score.breakdown, score.errors, error))
    return EvaluationReport(tuple(scores))

"""How close a build comes to bare spaCy, as ratios measured in the same run.

    .venv/bin/python bench/bench_build.py [--copies 20] [--runs 3]

The corpus is the sample in examples/ (our own text) repeated ``--copies``
times as distinct documents. Three timings, each the median of ``--runs``:

- baseline: ``nlp.pipe`` of the same texts with the statistical model alone
  (what any spaCy user pays);
- analyse: newsgraph's NLP stage (gazetteer rulers, span repair, records out);
- build: what ``newsgraph build`` does short of the page: ``extract``,
  the RDF graph and its Turtle text (resolution, relations, triples, output).

It prints words per second and each stage's time as a multiple of the
baseline, and the peak resident memory. Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def corpus(copies: int):
    from newsgraph.ingest import read_inputs

    base = list(read_inputs([str(REPO / "examples")]))
    return [replace(d, key=f"{d.key}-{i}", source=f"{d.source}#{i}") for i in range(copies) for d in base]


def timed(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=20, help="how many times the sample is repeated")
    ap.add_argument("--runs", type=int, default=3, help="runs per timing (median reported)")
    args = ap.parse_args()

    import spacy

    from newsgraph.nlp import analyse_documents, load_pipeline
    from newsgraph.nlp.model import DEFAULT_MODELS
    from newsgraph.graph.iris import Iris
    from newsgraph.graph.turtle import to_turtle
    from newsgraph.pipeline import extract, to_graph
    from newsgraph.vocab import PREFIXES

    docs = corpus(args.copies)
    texts = [d.text[s.start:s.end] for d in docs for s in d.segments]
    words = sum(len(t.split()) for t in texts)
    bare = next(spacy.load(name) for name in DEFAULT_MODELS if spacy.util.is_package(name))
    ours = load_pipeline()
    list(bare.pipe(texts[:20]))  # warm both pipelines
    list(analyse_documents(docs[:2], nlp=ours))

    baseline = timed(lambda: list(bare.pipe(texts, batch_size=64)), args.runs)
    analyse = timed(lambda: list(analyse_documents(docs, nlp=ours)), args.runs)
    prefixes = {k: str(v) for k, v in PREFIXES.items()} | Iris().prefixes()
    build = timed(lambda: len(to_turtle(to_graph(extract(docs)), prefixes)), args.runs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"{len(docs)} documents, {words:,} words, median of {args.runs} runs")
    print(f"{'stage':<34}{'seconds':>9}{'words/s':>10}{'x baseline':>12}")
    for name, t in (("baseline: spaCy nlp.pipe alone", baseline), ("analyse: newsgraph NLP stage", analyse),
                    ("build: records, RDF, Turtle", build)):
        print(f"{name:<34}{t:>9.2f}{words / t:>10,.0f}{t / baseline:>12.2f}")
    print(f"peak resident memory: {peak:,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

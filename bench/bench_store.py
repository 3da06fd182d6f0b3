"""The on-disk store at scale: named queries against rdflib, and the cost of adding one article.

    .venv/bin/python bench/bench_store.py --work /tmp/bench-store [--articles 1500] [--store-articles 10000]

Both parts build stores with the real pipeline (``newsgraph.pipeline.build``
with ``store=``) over generated news articles (``news_articles.py``: invented
people with titles, real states, cities and organisations, verbs of every
PLOVER type, 150-300 words, article i always the same text). Built stores are
kept in ``--work`` as ``store-N``: a build that is stopped resumes where it
was on the next run, and a new size starts from a copy of a smaller one.

1. queries: on the store of ``--articles`` articles (1,500 give about a million
   triples), each named query (``newsgraph.query.named``; ``evidence`` for the
   event with most evidence, ``mentions-of`` for the most mentioned person)
   is timed on the store folder opened as every reader opens it
   (``load_graph(DIR)``, median of ``--runs``: through ``run_query``, and by
   Oxigraph alone, without the offline check) and, in the same run, on an
   rdflib ``Graph()`` holding the same default graph with rdflib's own engine
   (one run, in a forked worker stopped after ``--cap`` seconds). Where rdflib
   fails on a query, the smallest change that lets it answer is timed on both.
2. incremental: ``--new`` new articles are each built into a copy of the store
   of ``--store-articles`` articles and alone into an empty store, with the
   model already loaded and after a warm-up article. The build call is timed
   whole and split into its parts: opening the store, the NLP, the store's
   lookups (stored hash, known entities), the replace transaction, the counts
   of the summary; "rest" is reading the input, extraction and the quads.

Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import multiprocessing
import re
import shutil
import statistics
import sys
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

from news_articles import GENERATOR, NewsWriter, write_articles

CHUNK = 200  # articles per input file: the unit a resumed build skips

# --- building the stores ----------------------------------------------------------------------


def ensure_store(work: Path, writer: NewsWriter, articles: int) -> Path:
    """``work/store-N`` holding articles 0..N-1, built chunk by chunk; a finished chunk is noted in
    ``store-N.progress`` so a rerun skips it, and a chunk stopped half-way reloads only what is missing."""
    from newsgraph.pipeline import build

    store = work / f"store-{articles}"
    progress = work / f"store-{articles}.progress"
    done = set(progress.read_text().split()) if progress.exists() else set()
    chunks = [range(start, min(start + CHUNK, articles)) for start in range(0, articles, CHUNK)]
    todo = [c for c in chunks if f"{GENERATOR}:{c.start}" not in done]
    if not todo:
        print(f"store of {articles:,} articles: cached in {store}", flush=True)
        return store
    if not store.exists():  # start from the biggest smaller store built before: its articles are ours too
        smaller = [m for m in range(1, articles) if (work / f"store-{m}.progress").exists()
                   and len((work / f"store-{m}.progress").read_text().split()) == -(-m // CHUNK)]
        if smaller:
            shutil.copytree(work / f"store-{max(smaller)}", store, ignore=shutil.ignore_patterns(".lock"))
            print(f"{store} starts as a copy of store-{max(smaller)}; the build skips the articles it holds")
    print(f"building {store}: {len(todo)} of {len(chunks)} chunks of {CHUNK} articles to go", flush=True)
    started = time.perf_counter()
    for n, chunk in enumerate(todo, 1):
        t0 = time.perf_counter()
        report = build([str(write_articles(work / "articles", writer, chunk))], None, store=str(store),
                       warn=lambda m: None)
        with progress.open("a") as f:
            f.write(f"{GENERATOR}:{chunk.start}\n")
        took = time.perf_counter() - t0
        print(f"  chunk {n}/{len(todo)}: {len(chunk)} articles in {took:.0f} s ({took / len(chunk):.2f} s each);"
              f" {report.loaded.get('quads', 0):,} quads loaded", flush=True)
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    return store


# --- part 1: queries on the store and on rdflib ------------------------------------------------

PICK_EVENT = """SELECT ?e (COUNT(?x) AS ?n) WHERE { ?e a ng:Event ; prov:wasDerivedFrom ?x }
GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 1"""
PICK_PERSON = """SELECT ?p ?label (COUNT(?m) AS ?n) WHERE { ?p a ng:Person ; skos:prefLabel ?label .
?m ng:refersTo ?p } GROUP BY ?p ?label ORDER BY DESC(?n) ?p LIMIT 1"""


def _rdflib_worker(conn, graph, text, bindings, prefixes) -> None:
    started = time.perf_counter()
    try:
        rows = len(list(graph.query(text, initNs=prefixes, initBindings=bindings)))
    except Exception as error:  # noqa: BLE001 - rdflib fails on some queries oxigraph answers: say which, go on
        conn.send((time.perf_counter() - started, f"{type(error).__name__}: {error}"))
    else:
        conn.send((time.perf_counter() - started, rows))


def time_rdflib(graph, text: str, bindings: dict, prefixes: dict, cap: float) -> tuple[float | None, int | str | None]:
    """Seconds and rows of one rdflib query in a forked worker (the graph is shared by fork);
    (seconds, error) when rdflib failed, (None, None) when it ran past ``cap``: rdflib cannot be
    interrupted any other way."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    worker = ctx.Process(target=_rdflib_worker, args=(child, graph, text, bindings, prefixes))
    worker.start()
    child.close()
    answer = parent.recv() if parent.poll(cap) else None
    if answer is None:
        worker.kill()
    worker.join()
    return answer if answer is not None else (None, None)


def ratio_text(ratio: float) -> str:
    return f"{ratio:.1f}" if ratio < 10 else f"{ratio:,.0f}"


def query_cases(loaded) -> list[tuple[str, str, dict, list[str]]]:
    """(name, query text, bindings, values for run_named) for every named query: an IRI parameter
    is the event with most evidence, a name the most mentioned person (the most mentioned state
    for what quotations are about)."""
    from pyoxigraph import Literal

    from newsgraph.query.named import named_queries
    from newsgraph.query.running import run_query

    (event, _), = run_query(loaded, PICK_EVENT).rows
    (person, label, _), = run_query(loaded, PICK_PERSON).rows
    (_, state, _), = run_query(loaded, PICK_PERSON.replace("ng:Person", "ng:State")).rows
    cases = []
    for name, q in named_queries().items():
        bindings, values = {}, []
        for param in q.params:
            if param.kind == "iri":
                bindings[param.name], value = event, event.value
            else:
                value = state.value if name == "quotes-about" else label.value
                bindings[param.name] = Literal(value)
            values.append(value)
        if name == "mentions-of":  # run_named binds ?entity to each entity the name names: this one
            bindings["entity"] = person
        cases.append((name, q.text, bindings, values))
    return cases


def rdflib_variant(text: str, error: str) -> tuple[str, str]:
    """The query as rdflib 7 can answer it, and what was changed: rdflib raises NotBoundError on
    GROUP_CONCAT over an unbound OPTIONAL variable, and TypeError when ORDER BY meets unbound values."""
    if error.startswith("NotBoundError"):
        return (re.sub(r"GROUP_CONCAT\(DISTINCT (\?\w+)", r'GROUP_CONCAT(DISTINCT COALESCE(\1, "")', text),
                'GROUP_CONCAT(DISTINCT COALESCE(?x, ""))')
    return re.sub(r"\nORDER BY [^\n]*\s*$", "\n", text), "no ORDER BY"


def median_seconds(fn, runs: int) -> tuple[float, int]:
    seconds, rows = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        rows = fn()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), rows


def store_seconds(loaded, text: str, bindings: dict, runs: int) -> tuple[float, float, int]:
    """Seconds of ``run_query`` (the path every reader takes: the offline check, then Oxigraph),
    seconds of Oxigraph alone on the same text and bindings, and the rows."""
    from pyoxigraph import Variable

    from newsgraph.query.running import run_query

    whole, rows = median_seconds(lambda: len(run_query(loaded, text, bindings).rows), runs)
    substitutions = {Variable(k): v for k, v in bindings.items()} or None
    engine, _ = median_seconds(lambda: sum(1 for _ in loaded.store.query(
        text, prefixes=dict(loaded.prefixes), substitutions=substitutions)), runs)
    return whole, engine, rows


def bench_queries(store_dir: Path, work: Path, runs: int, cap: float) -> None:
    from pyoxigraph import DefaultGraph, NamedNode, RdfFormat
    from rdflib import Graph, URIRef
    from rdflib import Literal as RdfLiteral

    from newsgraph.query import load_graph
    from newsgraph.query.loading import VOCABULARY_PREFIXES
    from newsgraph.query.named import run_named

    loaded = load_graph(store_dir)
    triples = int(next(loaded.store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))[0].value)
    cases = query_cases(loaded)
    timings = {}
    whole_mentions = None
    for name, text, bindings, values in cases:  # the query text and bindings rdflib gets
        timings[name] = store_seconds(loaded, text, bindings, runs)
        if name == "mentions-of":  # run_named also looks the name up first
            whole_mentions = median_seconds(lambda n=name, v=values: len(run_named(loaded, n, v).rows), runs)[0]
    dump = work / f"{store_dir.name}.default.nt"
    if not dump.exists() or dump.stat().st_mtime < (store_dir / "oxigraph").stat().st_mtime:
        loaded.store.dump(str(dump), format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph())

    started = time.perf_counter()
    graph = Graph()
    graph.parse(str(dump), format="nt")
    parse_seconds = time.perf_counter() - started
    prefixes = dict(VOCABULARY_PREFIXES)
    failures: list[str] = []

    print(f"\n{triples:,} triples in the default graph of {store_dir.name};"
          f" rdflib parsed its N-Triples in {parse_seconds:.0f} s")
    print(f"store: load_graph(DIR).store, median of {runs}; rdflib: Graph() and its own engine, one run,"
          f" stopped at {cap:g} s")
    print(f"{'query':<15}{'rows':>8}{'store s':>10}{'engine s':>10}{'rdflib s':>11}{'rdflib/store':>14}")

    def row(name: str, text: str, bindings: dict, store_s: float, engine_s: float, rows: int) -> str | None:
        terms = {k: URIRef(v.value) if isinstance(v, NamedNode) else RdfLiteral(v.value) for k, v in bindings.items()}
        rdf_s, rdf_rows = time_rdflib(graph, text, terms, prefixes, cap)
        if isinstance(rdf_rows, str):
            shown, ratio = "failed", ""
            failures.append(f"{name} after {rdf_s:.1f} s: {rdf_rows}")
        elif rdf_s is None:
            shown, ratio = f"> {cap:g}", f"> {ratio_text(cap / store_s)}"
        else:
            shown, ratio = f"{rdf_s:.2f}", ratio_text(rdf_s / store_s)
            if rdf_rows != rows:
                ratio += f" (rdflib: {rdf_rows:,} rows)"
        print(f"{name:<15}{rows:>8,}{store_s:>10.3f}{engine_s:>10.3f}{shown:>11}{ratio:>14}", flush=True)
        return rdf_rows if isinstance(rdf_rows, str) else None

    changes = {}
    for name, text, bindings, _ in cases:
        error = row(name, text, bindings, *timings[name])
        if error is not None:
            variant, changes[name] = rdflib_variant(text, error)
            row(name + "*", variant, bindings, *store_seconds(loaded, variant, bindings, runs))
    for failure in failures:
        print(f"rdflib failed on {failure}")
    for name, change in changes.items():
        print(f"{name}*: the query as rdflib can answer it, timed on both engines: {change}")
    if whole_mentions is not None:
        print(f"mentions-of is the query for one entity; run_named with the name lookup took {whole_mentions:.3f} s")
    loaded.holder.close()  # the shared lock: the store may be written again


# --- part 2: adding one article --------------------------------------------------------------


class Parts:
    """Time spent in the store-facing functions a build calls, wrapped for the run."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def wrapped(self):
        from newsgraph import load, nlp, pipeline
        from newsgraph.store import documents

        targets = [(pipeline, "open_store", "open+close"), (nlp, "analyse_documents", "nlp"), (documents, "stored_hash", "stored hash"), (load, "known_entities", "known entities"),
                   (load, "replace_document", "replace transaction"), (pipeline, "_counts", "counts")]
        # a part the pipeline no longer calls by that name is left out (its time goes to "rest")
        targets = [(module, attr, label) for module, attr, label in targets if hasattr(module, attr)]
        saved = [(module, attr, getattr(module, attr)) for module, attr, _ in targets]
        for module, attr, label in targets:
            setattr(module, attr, self._timer(getattr(module, attr), label))
        try:
            yield self
        finally:
            for module, attr, fn in saved:
                setattr(module, attr, fn)

    def _timer(self, fn, label):
        if label == "open+close":  # a context manager: its time is spent entering and leaving
            @contextmanager
            def timed_open(*args, **kwargs):
                opened = fn(*args, **kwargs)
                started = time.perf_counter()
                value = opened.__enter__()
                self.seconds[label] += time.perf_counter() - started
                try:
                    yield value
                finally:
                    started = time.perf_counter()
                    opened.__exit__(None, None, None)
                    self.seconds[label] += time.perf_counter() - started
            return timed_open
        if label == "nlp":  # a generator: its time is spent in each next()
            def timed_items(*args, **kwargs):
                items = fn(*args, **kwargs)
                while True:
                    started = time.perf_counter()
                    try:
                        item = next(items)
                    except StopIteration:
                        return
                    finally:
                        self.seconds[label] += time.perf_counter() - started
                    yield item
            return timed_items

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[label] += time.perf_counter() - started
        return timed


def timed_build(path: Path, store: Path) -> tuple[float, dict[str, float]]:
    from newsgraph.pipeline import build

    with Parts().wrapped() as parts:
        started = time.perf_counter()
        build([str(path)], None, store=str(store), warn=lambda m: None)
        total = time.perf_counter() - started
    return total, dict(parts.seconds)


def bench_incremental(store_dir: Path, work: Path, writer: NewsWriter, articles: int, new: int) -> None:
    from newsgraph.nlp import load_pipeline

    scratch = work / "incremental"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    started = time.perf_counter()
    big = scratch / "big"
    shutil.copytree(store_dir, big, ignore=shutil.ignore_patterns(".lock"))
    print(f"\ncopied the store of {articles:,} articles in {time.perf_counter() - started:.0f} s", flush=True)
    load_pipeline()
    # new articles come after the store's; the first is the warm-up
    files = [write_articles(scratch / "new", writer, range(i, i + 1)) for i in range(10**6, 10**6 + new + 1)]
    timed_build(files[0], big)
    timed_build(files[0], scratch / "warm-empty")
    rows: dict[str, list[tuple[float, dict[str, float]]]] = {"big": [], "empty": []}
    for n, path in enumerate(files[1:]):
        order = (("big", big), ("empty", scratch / f"empty-{n}"))
        for which, store in order if n % 2 == 0 else order[::-1]:  # alternate, so noise falls on both
            rows[which].append(timed_build(path, store))
    labels = ["open+close", "nlp", "stored hash", "known entities", "replace transaction", "counts"]
    print(f"adding one article with the model loaded, median of {new} articles (after a warm-up article)")
    print(f"{'into':<32}{'build s':>9}" + "".join(f"{label:>{max(len(label) + 2, 8)}}" for label in labels) + f"{'rest':>7}")
    medians = {}
    for which, name in (("empty", "an empty store"), ("big", f"the store of {articles:,} articles")):
        total = statistics.median(t for t, _ in rows[which])
        parts = {label: statistics.median(p.get(label, 0.0) for _, p in rows[which]) for label in labels}
        rest = statistics.median(t - sum(p.values()) for t, p in rows[which])
        medians[which] = (total, parts)
        print(f"{name:<32}{total:>9.3f}" + "".join(f"{parts[label]:>{max(len(label) + 2, 8)}.3f}" for label in labels)
              + f"{rest:>7.3f}")
    (big_total, big_parts), (empty_total, empty_parts) = medians["big"], medians["empty"]
    print(f"ratio (store / empty): {big_total / empty_total:.2f}x; without the counts:"
          f" {(big_total - big_parts['counts']) / (empty_total - empty_parts['counts']):.2f}x")
    shutil.rmtree(scratch, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, required=True, help="folder for articles and built stores (kept)")
    ap.add_argument("--articles", type=int, default=1500, help="articles in the store the queries run on (1,500: a million triples)")
    ap.add_argument("--store-articles", type=int, default=10000, help="articles in the store one is added to")
    ap.add_argument("--new", type=int, default=3, help="new articles timed in the incremental part (median)")
    ap.add_argument("--runs", type=int, default=3, help="runs of each store query (median)")
    ap.add_argument("--cap", type=float, default=60.0, help="seconds an rdflib query may run")
    ap.add_argument("--only", choices=("queries", "incremental"), help="run one part")
    args = ap.parse_args()

    args.work.mkdir(parents=True, exist_ok=True)
    writer = NewsWriter()
    if args.only != "incremental":
        bench_queries(ensure_store(args.work, writer, args.articles), args.work, args.runs, args.cap)
    if args.only != "queries":
        store = ensure_store(args.work, writer, args.store_articles)
        bench_incremental(store, args.work, writer, args.store_articles, args.new)
    return 0


if __name__ == "__main__":
    sys.exit(main())

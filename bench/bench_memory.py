"""Peak memory and speed of ``newsgraph build`` as the number of articles grows.

    .venv/bin/python bench/bench_memory.py [--articles 50,500] [--workers 1] [--store]

For each size, generated news articles (``news_articles.py``, 150-300 words
each; cached in ``--work`` as JSON Lines files of at most 1,000 articles) are
built in a fresh process, as ``newsgraph build FILES --out DIR --no-html``
does (its scratch store, then graph.ttl), or with ``--store`` into a store
folder and no graph.ttl (``newsgraph build FILES --store DIR``).
The model load is included (a fresh process loads it, as the CLI does).

Printed per size: seconds, words per second, the seconds after the last
document is in the store ("after s": the summary's counts and graph.ttl), the
resident memory (read from /proc after each document) at its largest while
documents are loaded ("loading MiB") and once all are in ("loaded MiB"), the
peak of the whole process (``getrusage``, so it includes graph.ttl), that peak
as a multiple of the smallest size's (the target: ten times the articles in
less than twice the memory), the triples of graph.ttl (with ``--store``: the
quads the documents put in their graphs) and, with ``--workers N``, the worker
processes' resident memory summed (the largest sample, every 200 documents).
Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # news_articles.py beside this file
CHUNK = 1_000  # articles per generated file, so a larger size reuses the smaller's files

# One build in this fresh process; prints JSON: its peak RSS, RSS once loaded, the workers' RSS.
RUNNER = """
import json, os, resource, sys, time
from pathlib import Path
from newsgraph.pipeline import build

files, out, store, workers = json.loads(sys.argv[1])
page = os.sysconf("SC_PAGE_SIZE")
seen = {"docs": 0, "quads": 0, "loaded_rss": 0, "max_loading": 0, "workers_rss": 0, "loaded_at": 0.0}

def rss(pid="self"):
    with open(f"/proc/{pid}/statm") as f:
        return int(f.read().split()[1]) * page

def workers_rss():  # the fork server's children: the pool's workers
    total = 0
    for task in os.listdir("/proc"):
        try:
            with open(f"/proc/{task}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{ppid}/stat") as f:
                grand = int(f.read().rsplit(")", 1)[1].split()[1])
            if grand == os.getpid():
                total += rss(task)
        except (OSError, ValueError, IndexError):
            pass
    return total

def loaded(done):
    seen["docs"] += 1
    seen["quads"] += done.quads
    seen["loaded_rss"] = rss()
    seen["max_loading"] = max(seen["max_loading"], seen["loaded_rss"])
    seen["loaded_at"] = time.monotonic()
    if workers > 1 and (seen["docs"] in (10, 50) or seen["docs"] % 200 == 0):
        seen["workers_rss"] = max(seen["workers_rss"], workers_rss())

report = build(files, Path(out) if out else None, store=store, write_html=False, workers=workers, loaded=loaded)
print(json.dumps({"triples": report.triples if out else seen["quads"], "words": report.words, "documents": report.documents,
                  "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                  "loaded": seen["loaded_rss"], "max_loading": seen["max_loading"], "workers": seen["workers_rss"],
                  "after": time.monotonic() - seen["loaded_at"]}))
"""


def article_files(work: Path, articles: int) -> list[Path]:
    from news_articles import NewsWriter, write_articles

    writer = NewsWriter()
    return [write_articles(work / "articles", writer, range(start, min(start + CHUNK, articles)))
            for start in range(0, articles, CHUNK)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", default="50,500", help="comma-separated numbers of articles (default 50,500)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes of each build (default 1)")
    parser.add_argument("--store", action="store_true", help="build into an on-disk store folder, no graph.ttl")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newsgraph-bench",
                        help="folder caching the generated articles")
    args = parser.parse_args()
    sizes = [int(s) for s in args.articles.split(",")]
    mode = "--store DIR (on disk), no graph.ttl" if args.store else "--out DIR --no-html (graph.ttl)"
    print(f"newsgraph build {mode}, {args.workers} worker(s), one fresh process per size, model load included")
    print(f"{'articles':>8} {'words':>10} {'seconds':>8} {'words/s':>8} {'after s':>8} {'loading MiB':>11}"
          f" {'loaded MiB':>10} {'peak MiB':>9}"
          f" {'x smallest':>10} {'quads' if args.store else 'triples':>10}" + (f" {'workers MiB':>11}" if args.workers > 1 else ""))
    first = None
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        for size in sizes:
            files = [str(f) for f in article_files(args.work, size)]
            target = str(Path(tmp) / f"{'store' if args.store else 'out'}-{size}")
            spec = [files, None if args.store else target, target if args.store else None, args.workers]
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", RUNNER, json.dumps(spec)],
                                  capture_output=True, text=True, check=False)
            seconds = time.perf_counter() - started
            if done.returncode != 0:
                print(f"{size:8,} build failed: {done.stderr.strip().splitlines()[-1:]}")
                continue
            got = json.loads(done.stdout.strip().splitlines()[-1])
            mib = 1024 * 1024
            first = first or got["peak"]
            print(f"{size:8,} {got['words']:10,} {seconds:8.1f} {got['words'] / seconds:8,.0f} {got['after']:8.1f}"
                  f" {got['max_loading'] / mib:11,.0f} {got['loaded'] / mib:10,.0f} {got['peak'] / mib:9,.0f}"
                  f" {got['peak'] / first:10.2f} {got['triples']:10,}"
                  + (f" {got['workers'] / mib:11,.0f}" if args.workers > 1 else ""), flush=True)


if __name__ == "__main__":
    main()

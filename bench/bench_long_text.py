"""Peak memory and words per second of ``newsgraph build`` on one very long text, against a small one.

    .venv/bin/python bench/bench_long_text.py [--mb 10] [--small-kb 100] [--one-line] [--workers 1]

A plain-text file of ``--mb`` megabytes is generated from the bench's own
articles (``news_articles.py``: their texts one after another, paragraphs
separated by blank lines; with ``--one-line`` every line break is a space, as
some text extractions deliver a page), and so is a small file of
``--small-kb`` kilobytes of other articles. Files are cached in ``--work``.
Each is built in a fresh process as ``newsgraph build FILE --out DIR --no-html``
does (``pipeline.build``: its parts, the scratch store, graph.ttl), small
file first, then the big one, in the same run.

The clock starts once the model is loaded (a build loads it once whatever
its size, so a small file's words per second would otherwise be mostly the
load); words per CPU second of the build's process are printed beside words
per second, as the machine may be shared (with ``--workers N`` they leave out
the workers' CPU, so read words per second there). The resident memory of
the process and its children (the workers, with ``--workers N``) is read
from ``/proc`` every ``--every`` seconds and summed;
its largest value is "peak MiB", next to the largest after a part is in the
store ("parts MiB", sampled in the build's ``loaded`` callback) and to the
process's own peak by ``getrusage`` ("self MiB"). ``--trace FILE`` writes
every sample (seconds, MiB, parts done) as CSV. Figures are printed, never
asserted.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # news_articles.py beside this file

# One build in this fresh process, the model loaded before the clock starts; prints JSON.
RUNNER = """
import json, os, resource, sys, time
from pathlib import Path
from newsgraph.nlp.model import load_pipeline
from newsgraph.pipeline import build

path, out, workers, status = json.loads(sys.argv[1])
page = os.sysconf("SC_PAGE_SIZE")
seen = {"parts": 0, "max_parts_rss": 0, "loaded_at": 0.0}

def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * page

def loaded(done):
    seen["parts"] += 1
    seen["max_parts_rss"] = max(seen["max_parts_rss"], rss())
    seen["loaded_at"] = time.monotonic()
    with open(status, "w") as f:
        f.write(str(seen["parts"]))

def cpu():  # this process's user and system seconds (not its workers')
    return sum(resource.getrusage(resource.RUSAGE_SELF)[:2])

load_pipeline()
started, cpu_started = time.monotonic(), cpu()
report = build([path], Path(out), write_html=False, workers=workers, loaded=loaded)
ended = time.monotonic()
print(json.dumps({"seconds": ended - started, "cpu": cpu() - cpu_started, "words": report.words,
                  "documents": report.documents,
                  "triples": report.triples, "after": ended - seen["loaded_at"],
                  "self_peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                  "max_parts_rss": seen["max_parts_rss"]}))
"""
PAGE = os.sysconf("SC_PAGE_SIZE")
MIB = 1024 * 1024


def long_text(path: Path, size: int, *, first: int = 0, one_line: bool = False) -> Path:
    """A text of about ``size`` characters: generated articles from ``first`` on, one after
    another (a blank line between paragraphs, or all on one line); written once."""
    from news_articles import NewsWriter

    if path.exists():
        return path
    writer, written, i = NewsWriter(), 0, first
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        while written < size:
            text = writer.article(i)["text"]
            text = " ".join(text.split()) + " " if one_line else text + "\n\n"
            f.write(text)
            written, i = written + len(text), i + 1
    tmp.rename(path)
    return path


def tree_rss(root: int) -> int:
    """Resident memory of ``root`` and every process below it, summed."""
    children: dict[int, list[int]] = {}
    for task in os.listdir("/proc"):
        if task.isdigit():
            try:
                with open(f"/proc/{task}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(task))
            except (OSError, ValueError, IndexError):
                pass
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/statm") as f:
                total += int(f.read().split()[1]) * PAGE
        except (OSError, ValueError, IndexError):
            pass
        todo += children.get(pid, [])
    return total


def measure(path: Path, out: Path, workers: int, every: float, trace) -> dict:
    """Build ``path`` in a fresh process, sampling its tree's memory; the runner's figures plus ours."""
    status = out.with_suffix(".parts")
    status.write_text("0")
    process = subprocess.Popen([sys.executable, "-c", RUNNER, json.dumps([str(path), str(out), workers, str(status)])],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak, began, stop = [0], time.monotonic(), threading.Event()

    def sample() -> None:
        while not stop.wait(every):
            rss = tree_rss(process.pid)
            peak[0] = max(peak[0], rss)
            if trace is not None:
                trace.write(f"{path.name},{time.monotonic() - began:.1f},{rss / MIB:.0f},{status.read_text() or 0}\n")
                trace.flush()

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    stop.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"build of {path} failed: {stderr.strip().splitlines()[-1:]}")
    got = json.loads(stdout.strip().splitlines()[-1])
    got["tree_peak"] = peak[0]
    return got


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=10, help="size of the long text in MB (default 10)")
    parser.add_argument("--small-kb", type=float, default=100, help="size of the small text in KB (default 100)")
    parser.add_argument("--one-line", action="store_true", help="the long text without any line break")
    parser.add_argument("--workers", type=int, default=1, help="worker processes of each build (default 1)")
    parser.add_argument("--every", type=float, default=0.5, help="seconds between memory samples (default 0.5)")
    parser.add_argument("--trace", type=Path, help="write every memory sample to this CSV file")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newsgraph-bench",
                        help="folder caching the generated texts")
    args = parser.parse_args()
    shape = "one-line" if args.one_line else "paragraphs"
    big = long_text(args.work / f"long-{args.mb:g}mb-{shape}.txt", int(args.mb * 1_000_000), one_line=args.one_line)
    # the small text's articles come after any long text's, so the two share no article
    small = long_text(args.work / f"small-{args.small_kb:g}kb.txt", int(args.small_kb * 1_000), first=1_000_000)
    print(f"newsgraph build FILE --out DIR --no-html, {args.workers} worker(s), a fresh process per file;"
          f" clock after the model load; memory of the process tree every {args.every:g} s")
    print(f"{'file':>28} {'MB':>6} {'parts':>5} {'words':>10} {'seconds':>8} {'words/s':>8} {'x small':>7}"
          f" {'words/CPU s':>10} {'x small':>7}"
          f" {'after s':>7} {'parts MiB':>9} {'self MiB':>8} {'peak MiB':>8} {'triples':>10}")
    trace = args.trace.open("w") if args.trace else None
    if trace is not None:
        trace.write("file,seconds,rss_mib,parts_done\n")
    first = None
    with tempfile.TemporaryDirectory(prefix="bench-long-") as tmp:
        for path in (small, big):
            got = measure(path, Path(tmp) / path.stem, args.workers, args.every, trace)
            rate, cpu_rate = got["words"] / got["seconds"], got["words"] / got["cpu"]
            first = first or (rate, cpu_rate)
            print(f"{path.name:>28} {path.stat().st_size / 1e6:6.1f} {got['documents']:5} {got['words']:10,}"
                  f" {got['seconds']:8.1f} {rate:8,.0f} {rate / first[0]:7.2f} {cpu_rate:10,.0f} {cpu_rate / first[1]:7.2f}"
                  f" {got['after']:7.1f}"
                  f" {got['max_parts_rss'] / MIB:9,.0f} {got['self_peak'] / MIB:8,.0f} {got['tree_peak'] / MIB:8,.0f}"
                  f" {got['triples']:10,}", flush=True)
    if trace is not None:
        trace.close()


if __name__ == "__main__":
    main()

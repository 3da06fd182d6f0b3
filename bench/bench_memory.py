"""Peak memory and speed of ``newsgraph build`` as the input grows.

    .venv/bin/python bench/bench_memory.py [--sizes 2,8] [--one-line]

For each size (in MB) a text is made by repeating the news texts of
examples/ (our own) separated by blank lines — or with ``--one-line``, as one
line with no paragraph breaks at all — and built in a fresh process
(``--no-html``). Printed: seconds, words per second, the peak resident
memory of that process, the triples written. Figures are printed, never
asserted; read them as ratios between sizes.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# Runs one build in this fresh process and prints its own peak RSS (KiB on Linux).
RUNNER = """
import resource, sys
from newsgraph.pipeline import build
report = build([sys.argv[1]], sys.argv[2], write_html=False)
print(report.triples, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def make_text(megabytes: float, one_line: bool) -> str:
    sample = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.txt")))
    target = int(megabytes * 1_000_000)
    text = ("\n\n".join([sample] * (target // len(sample) + 1)))[:target]
    return " ".join(text.split()) if one_line else text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="2,8", help="comma-separated sizes in MB (default 2,8)")
    parser.add_argument("--one-line", action="store_true", help="no paragraph breaks at all")
    args = parser.parse_args()
    print(f"{'MB':>6} {'words':>10} {'seconds':>8} {'words/s':>8} {'peak MiB':>9} {'triples':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in (float(s) for s in args.sizes.split(",")):
            source = Path(tmp) / f"in-{size}.txt"
            text = make_text(size, args.one_line)
            source.write_text(text, encoding="utf-8")
            words = len(text.split())
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", RUNNER, str(source), str(Path(tmp) / f"out-{size}")],
                                  capture_output=True, text=True, check=False)
            seconds = time.perf_counter() - started
            if done.returncode != 0:
                print(f"{size:6g} build failed: {done.stderr.strip().splitlines()[-1:]}")
                continue
            triples, peak_kib = (int(x) for x in done.stdout.split())
            print(f"{size:6g} {words:10,} {seconds:8.1f} {words / seconds:8,.0f} {peak_kib / 1024:9,.0f} {triples:9,}")


if __name__ == "__main__":
    main()

"""Does entity resolution scale linearly with the number of people?

    .venv/bin/python bench/bench_resolve.py [--docs 200] [--per-doc 20]

Synthetic documents (seeded), each naming ``--per-doc`` distinct invented
people, are resolved at 1/10 of the size (the baseline) and at full size in
the same run; the time ratio should stay near the size ratio (10). Before
clusters were indexed by name prefix, 4,000 people took far more than 10x the time
of 400 (82x measured: 7.1 s against 0.087 s); now about 11x.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time

from newsgraph.resolve import resolve_entities
from newsgraph.types import AnalysedDocument, Document, Mention, Segment, Sentence

SYLLABLES = ["ka", "lo", "mi", "ra", "ten", "vos", "bar", "ne", "qu", "shi", "do", "fen", "ru", "zal", "po"]


def documents(n_docs: int, per_doc: int, seed: int = 0) -> list[AnalysedDocument]:
    rng = random.Random(seed)

    def name() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()

    out = []
    for d in range(n_docs):
        names = [f"{name()} {name()}" for _ in range(per_doc)]
        text = ". ".join(names) + "."
        mentions, pos = [], 0
        for n in names:
            start = text.index(n, pos)
            mentions.append(Mention(start, start + len(n), n, "PERSON", 0))
            pos = start + len(n)
        doc = Document(key=f"d{d}", source=f"d{d}", text=text, content_hash="sha256:" + "0" * 64,
                       segments=(Segment(0, len(text)),))
        out.append(AnalysedDocument(doc, (Sentence(0, len(text), text, None, ()),), tuple(mentions)))
    return out


def timed(docs, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        resolve_entities(docs)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--per-doc", type=int, default=20)
    args = ap.parse_args()
    small = documents(max(1, args.docs // 10), args.per_doc)
    full = documents(args.docs, args.per_doc)
    base, t = timed(small), timed(full)
    people = args.docs * args.per_doc
    print(f"{'case':<28}{'people':>8}{'seconds':>10}{'x baseline':>12}")
    print(f"{'baseline (1/10 size)':<28}{people // 10:>8}{base:>10.3f}{1:>12.1f}")
    print(f"{'full size':<28}{people:>8}{t:>10.3f}{t / base:>12.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A very long text is built as parts, so a build's memory does not grow with one input's size.

The analysis of one document (its sentences, tokens, mentions) and the
update that writes its graph (which holds its whole text) are held in
memory at once; for a 50 MB dump that is several gigabytes. A text longer
than ``PART_CHARS`` is therefore cut, between paragraphs where it has them
(else after a full stop, else at a space), into parts that are documents of
their own: ``{key}-part-{n}``, published as ``{source}#part-{n}``, each with
the metadata of the whole. Names carry from part to part through the store's
entity index, as they do from article to article; a sentence is never cut.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace

from ..types import Document, Post, Segment

#: Characters of one part: about the longest article or live blog (a day-long blog runs to
#: some 100,000), and small enough that a part's update stays small: the store's SPARQL
#: update of a part (its quads, twice) is parsed and applied in memory at once, 550 MB
#: above the build for a part of 250,000 characters (a 48 MB update), 200 MB for one of
#: 100,000, 100 MB for one of 50,000 (bench/bench_long_text.py; bench/README.md).
PART_CHARS = 100_000


def _cut(text: str, start: int, limit: int) -> int:
    """Where a part that starts at ``start`` ends: the last paragraph break, else full stop,
    else space, before ``start + limit``; the text's end when it is near."""
    end = start + limit
    if end >= len(text):
        return len(text)
    window = text[start:end]
    for mark, keep in (("\n\n", 2), ("\n", 1), (". ", 2), (" ", 1)):
        at = window.rfind(mark)
        if at > limit // 2:
            return start + at + keep
    return end


def _part(doc: Document, n: int, start: int, end: int) -> Document:
    text = doc.text[start:end]
    segments = tuple(Segment(max(s.start, start) - start, min(s.end, end) - start, s.post, s.kind)
                     for s in doc.segments if s.start < end and s.end > start)
    posts = tuple(replace(p, start=max(p.start, start) - start, end=min(p.end, end) - start)
                  for p in doc.posts if p.start < end and p.end > start)
    digest = hashlib.sha256(f"{doc.content_hash}\x1f{n}\x1f{text}".encode("utf-8", "surrogatepass")).hexdigest()
    return replace(doc, key=f"{doc.key}-part-{n}", source=f"{doc.source}#part-{n}", text=text,
                   segments=tuple(s for s in segments if s.end > s.start), posts=_kept(posts),
                   content_hash=f"sha256:{digest}")


def _kept(posts: tuple[Post, ...]) -> tuple[Post, ...]:
    return tuple(p for p in posts if p.end > p.start)


def parts_of(doc: Document, limit: int | None = None) -> Iterator[Document]:
    """The document itself when it is short enough, else its parts in order (of ``limit``
    characters at most, ``PART_CHARS`` by default)."""
    limit = limit or PART_CHARS
    if len(doc.text) <= limit:
        yield doc
        return
    start, n = 0, 1
    while start < len(doc.text):
        end = _cut(doc.text, start, limit)
        yield _part(doc, n, start, end)
        start, n = end, n + 1

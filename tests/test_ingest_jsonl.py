"""JSON Lines: one article per line, bad lines reported by number and skipped."""
from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

from newsgraph.ingest import read_inputs, read_jsonl
from newsgraph.ingest.dates import parse_published

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "articles.jsonl"


class Warnings(list):
    def __call__(self, message: str) -> None:
        self.append(message)


def test_example_file_gives_one_document_per_line_with_its_metadata() -> None:
    raw = EXAMPLE.read_bytes()
    records = [json.loads(line) for line in raw.decode("utf-8").splitlines() if line.strip()]
    warnings = Warnings()
    docs = list(read_jsonl(raw, "examples/articles.jsonl", warn=warnings))
    assert warnings == []
    assert len(docs) == len(records) >= 3
    for doc, record, line in zip(docs, records, raw.split(b"\n")):
        assert doc.source == doc.url == record["url"]
        assert doc.title == record["title"]
        author = record["author"]
        assert doc.author == (", ".join(author) if isinstance(author, list) else author)
        assert doc.published == parse_published(record["published"])
        if isinstance(doc.published, datetime):
            assert doc.published.utcoffset() is not None
        assert doc.content_hash == "sha256:" + hashlib.sha256(line).hexdigest()
        assert record["text"] in doc.text
        head = doc.segments[0]
        assert head.kind == "headline" and doc.text[head.start : head.end] == record["title"]


def test_example_bylines_and_datelines_are_not_segments() -> None:
    docs = list(read_jsonl(EXAMPLE.read_bytes(), "examples/articles.jsonl"))
    for doc in docs:
        for seg in doc.segments:
            piece = doc.text[seg.start : seg.end]
            assert not piece.startswith(("By ", "(Reporting by")), piece
            assert "(Example News)" not in piece


def test_malformed_lines_are_reported_by_number_and_the_rest_read() -> None:
    raw = (
        b'{"text": "Ministers met in Rome.", "title": "Rome talks"}\n'
        b'{"text": "broken\n'
        b"\n"
        b'{"title": "No text here"}\n'
        b'["not", "an", "object"]\n'
        b'{"text": "Leaders met in Lima.", "published": "next Tuesday-ish"}\n'
    )
    warnings = Warnings()
    docs = list(read_jsonl(raw, "feed.jsonl", warn=warnings))
    assert [d.source for d in docs] == ["feed.jsonl#L1", "feed.jsonl#L6"]
    assert [w.split(":", 1)[0] for w in warnings] == [
        "feed.jsonl line 2", "feed.jsonl line 4", "feed.jsonl line 5", "feed.jsonl line 6"]
    assert "malformed JSON" in warnings[0] and '"text"' in warnings[1]
    assert docs[1].published is None and "next Tuesday-ish" in warnings[3]


def test_line_without_url_is_named_by_file_and_line(tmp_path: Path) -> None:
    feed = tmp_path / "feed.ndjson"
    feed.write_text('\n{"text": "Ministers met in Rome.", "author": ["A One", "B Two"]}\n', encoding="utf-8")
    (doc,) = read_inputs([str(feed)])
    assert doc.source == f"{feed.as_posix()}#L2" and doc.url is None
    assert doc.author == "A One, B Two"
    assert doc.key.startswith("feed-l2-")

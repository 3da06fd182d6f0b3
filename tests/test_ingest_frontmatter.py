"""Markdown front matter is metadata: read into the Document, never analysed."""
from __future__ import annotations

from datetime import date, datetime

from newsgraph.ingest import read_inputs, read_text_document
from newsgraph.ingest.frontmatter import read_front_matter

NOTE = """---
title: "Ministers meet in Lima"
author: Jane Roe
date: 2025-04-02T10:30:00+02:00
url: https://example.org/news/lima
tags: [trade, peru]
---
# Ministers meet in Lima

Peru's trade minister met his Chilean counterpart in Lima on Wednesday.
"""


def texts(doc) -> list[str]:
    return [doc.text[s.start : s.end] for s in doc.segments]


def test_front_matter_fields_become_metadata() -> None:
    doc = read_text_document(NOTE.encode(), "lima.md", media_type="text/markdown")
    assert doc.title == "Ministers meet in Lima"
    assert doc.author == "Jane Roe"
    assert doc.published == datetime.fromisoformat("2025-04-02T10:30:00+02:00")
    assert doc.url == "https://example.org/news/lima"


def test_front_matter_is_in_no_segment_and_offsets_still_hold() -> None:
    doc = read_text_document(NOTE.encode(), "lima.md", media_type="text/markdown")
    assert doc.text == NOTE
    assert texts(doc) == ["Ministers meet in Lima",
                          "Peru's trade minister met his Chilean counterpart in Lima on Wednesday."]
    end = NOTE.index("# Ministers")
    assert all(s.start >= end for s in doc.segments)


def test_author_lists_and_published_key_and_plain_dates() -> None:
    text = "---\nauthors:\n  - Jane Roe\n  - Omar Haddad\npublished: 2025-04-02\n---\nTalks resume\n\nThe talks resumed.\n"
    doc = read_text_document(text.encode(), "list.md")
    assert doc.author == "Jane Roe, Omar Haddad"
    assert doc.published == date(2025, 4, 2) and not isinstance(doc.published, datetime)
    assert "Jane Roe" not in " ".join(texts(doc))


def test_a_rule_opening_prose_is_not_front_matter() -> None:
    text = "---\nThe talks resumed on Monday in Geneva.\n---\nMore text here.\n"
    assert read_front_matter(text) is None
    doc = read_text_document(text.encode(), "rule.md")
    assert "The talks resumed on Monday in Geneva." in texts(doc)


def test_unreadable_front_matter_values_warn_and_are_left_out() -> None:
    warnings: list[str] = []
    text = "---\ndate: sometime soon\nurl: not a link\n---\nTalks resume\n\nThe talks resumed.\n"
    doc = read_text_document(text.encode(), "bad.md", warn=warnings.append)
    assert doc.published is None and doc.url is None
    assert warnings == ["bad.md: could not read the front matter date 'sometime soon'; left empty",
                        "bad.md: front matter url 'not a link' is not an http(s) URL; ignored"]


def test_front_matter_is_read_through_read_inputs(tmp_path) -> None:
    path = tmp_path / "lima.md"
    path.write_text(NOTE, encoding="utf-8")
    [doc] = list(read_inputs([str(path)]))
    assert doc.author == "Jane Roe" and doc.media_type == "text/markdown"

"""JSON Lines field mapping (--field text=body), epoch dates and author objects."""
from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.errors import InputError
from newsgraph.ingest import read_inputs, read_jsonl
from newsgraph.ingest.dates import parse_published
from newsgraph.ingest.readers import parse_field_options

RECORD = {"body": "Peru's trade minister met his Chilean counterpart in Lima.", "headline": "Ministers meet in Lima",
          "meta": {"link": "https://example.org/news/lima"}, "ts": 1743582600,
          "byline": [{"name": "Jane Roe"}, {"name": "Omar Haddad"}]}
FIELDS = {"text": "body", "title": "headline", "url": "meta.link", "published": "ts", "author": "byline"}


def lines(*records: object) -> bytes:
    return "\n".join(json.dumps(r) for r in records).encode()


def test_fields_are_read_from_the_mapped_keys() -> None:
    [doc] = list(read_jsonl(lines(RECORD), "feed.jsonl", fields=FIELDS))
    assert doc.title == "Ministers meet in Lima"
    assert doc.url == "https://example.org/news/lima"
    assert doc.published == datetime(2025, 4, 2, 8, 30, tzinfo=UTC)
    assert doc.author == "Jane Roe, Omar Haddad"
    assert [doc.text[s.start : s.end] for s in doc.segments][-1] == RECORD["body"]


@pytest.mark.parametrize(("value", "expected"), [
    (1743582600, datetime(2025, 4, 2, 8, 30, tzinfo=UTC)),
    (1743582600000, datetime(2025, 4, 2, 8, 30, tzinfo=UTC)),
    ("1743582600", datetime(2025, 4, 2, 8, 30, tzinfo=UTC)),
    (True, None),
])
def test_epoch_seconds_and_milliseconds_are_utc_instants(value: object, expected: datetime | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(("author", "expected"), [
    ({"name": "Jane Roe"}, "Jane Roe"),
    ([{"name": "Jane Roe"}, "Omar Haddad"], "Jane Roe, Omar Haddad"),
    ({"id": 7}, None),
    ("Jane Roe", "Jane Roe"),
])
def test_author_objects_and_lists(author: object, expected: str | None) -> None:
    [doc] = list(read_jsonl(lines({"text": "The talks resumed.", "author": author}), "a.jsonl"))
    assert doc.author == expected


def test_a_record_without_the_mapped_text_field_warns_with_its_key() -> None:
    warnings: list[str] = []
    docs = list(read_jsonl(lines({"text": "not this"}), "f.jsonl", warn=warnings.append, fields={"text": "body"}))
    assert docs == []
    assert warnings == ['f.jsonl line 1: no "body" field (a non-empty string is required); skipped']


def test_field_mapping_reaches_json_files_through_read_inputs(tmp_path) -> None:
    (tmp_path / "feed.json").write_text(json.dumps([RECORD]))
    [doc] = list(read_inputs([str(tmp_path / "feed.json")], fields=FIELDS))
    assert doc.author == "Jane Roe, Omar Haddad"


@pytest.mark.parametrize("options", [["body"], ["words=body"], ["text="], ["text=a", "text=b"]])
def test_bad_field_options_are_user_errors(options: list[str]) -> None:
    with pytest.raises(InputError, match=r"^--field .*e\.g\. --field text=body"):
        parse_field_options(options)


def test_a_bad_field_option_is_a_one_line_error_before_any_work(tmp_path) -> None:
    (tmp_path / "f.jsonl").write_text(json.dumps(RECORD))
    result = CliRunner().invoke(main, ["build", str(tmp_path / "f.jsonl"), "--out", str(tmp_path / "out"),
                                       "--field", "words=body"])
    assert result.exit_code == 2
    assert result.output == ("Error: --field words=body: use NAME=KEY with NAME one of text, title, url, published,"
                             " author and KEY the field in your records, e.g. --field text=body\n")
    assert not (tmp_path / "out").exists()

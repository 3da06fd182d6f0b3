"""`build --published DATE --url URL`: metadata for plain-text inputs that do not carry their own."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import XSD

from newsgraph.cli import main
from newsgraph.ingest import read_inputs

SCHEMA = Namespace("https://schema.org/")
NOTE = "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi.\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_published_and_url_go_to_every_plain_text_input(tmp_path):
    (tmp_path / "a.txt").write_text(NOTE)
    (tmp_path / "b.md").write_text(NOTE)
    (tmp_path / "c.md").write_text("---\ndate: 2024-01-05\nurl: https://example.org/own\n---\n" + NOTE)
    (tmp_path / "d.jsonl").write_text('{"text": "Ruto met Museveni."}\n')
    when = datetime.fromisoformat("2025-03-03T09:12:00+00:00")
    docs = {d.source.rsplit("/", 1)[-1]: d for d in read_inputs([str(tmp_path)], published=when,
                                                                 url="https://example.org/news/x")}
    assert (docs["a.txt"].published, docs["a.txt"].url) == (when, "https://example.org/news/x")
    assert (docs["b.md"].published, docs["b.md"].url) == (when, "https://example.org/news/x")
    assert (docs["c.md"].published, docs["c.md"].url) == (date(2024, 1, 5), "https://example.org/own")
    jsonl = next(d for name, d in docs.items() if name.startswith("d.jsonl"))
    assert (jsonl.published, jsonl.url) == (None, None)


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--published", "yesterday", "Error: --published 'yesterday' is not a date: give one such as 2025-03-03"
                                 " or 2025-03-03T09:12:00+00:00\n"),
    ("--url", "ftp:/x", "Error: --url 'ftp:/x' is not an http(s) URL: give one such as"
                        " https://example.org/news/story\n"),
])
def test_a_bad_option_is_a_one_line_error_before_any_work(tmp_path, option, value, message):
    (tmp_path / "a.txt").write_text(NOTE)
    result = run("build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), option, value)
    assert result.exit_code == 2 and result.output == message
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_build_writes_the_date_and_url_of_a_plain_text_input(tmp_path):
    (tmp_path / "a.txt").write_text(NOTE)
    result = run("build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--no-html",
                 "--published", "2025-03-03T09:12:00+00:00", "--url", "https://example.org/news/ruto-museveni")
    assert result.exit_code == 0, result.output
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    docs = set(g.subjects(SCHEMA.url, URIRef("https://example.org/news/ruto-museveni")))
    assert len(docs) == 1
    assert g.value(docs.pop(), SCHEMA.datePublished) == Literal("2025-03-03T09:12:00+00:00", datatype=XSD.dateTime)

"""Quotations read through the real model and a real build, on an article written for these tests (slow)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef

from newsgraph.cli import main

ARTICLE = """Foreign Minister Anna Berg arrived in Oslo on Monday for talks with Nordic partners.

“We will continue,” she said, “to support our partners in the north.”

Norway will not back down, Berg insisted. Officials said the border with Russia would stay closed.

According to the Kremlin, the talks were cancelled. The so-called “peace plan” was rejected in Moscow.

Interior Minister Jan Kowal said on Tuesday that Russia had attacked a Norwegian border post. The interior minister told reporters the attack was a provocation.
"""
BERG, KOWAL = "person/anna-berg", "person/jan-kowal"


@pytest.fixture(scope="module")
def records(nlp):
    from newsgraph.ingest.text import read_text_document
    from newsgraph.load import extract_local
    from newsgraph.nlp import analyse_documents

    doc = read_text_document(ARTICLE.encode("utf-8"), "border.txt")
    return extract_local(next(iter(analyse_documents([doc], nlp=nlp))))


@pytest.mark.slow
def test_every_reporting_form_of_the_article_is_read_with_its_speaker(records):
    found = [(q.speaker, q.cue, q.direct, q.text) for q in records.quotations]
    assert found == [
        (BERG, "say", True, "We will continue to support our partners in the north."),
        (BERG, "insist", False, "Norway will not back down"),
        (None, "say", False, "the border with Russia would stay closed"),
        ("org/kremlin", "according to", False, "the talks were cancelled"),
        (KOWAL, "say", False, "Russia had attacked a Norwegian border post"),
        (KOWAL, "tell", False, "the attack was a provocation"),
    ]


@pytest.mark.slow
def test_the_attack_the_minister_reports_is_according_to_his_words(records):
    (attack,) = [e for e in records.events if e.type == "ASSAULT"]
    (said,) = [q for q in records.quotations if q.text.startswith("Russia had attacked")]
    assert (attack.agent, attack.target, attack.according_to) == ("state/RUS", "state/NOR", said.spans[0])
    assert all(m.according_to is None for m in records.memberships)


@pytest.mark.slow
def test_a_build_writes_the_quotations_and_the_quote_queries_read_them(tmp_path):
    source = tmp_path / "border.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    runner = CliRunner()
    built = runner.invoke(main, ["build", str(source), "--out", str(tmp_path / "out"), "--no-html", "--quiet"])
    assert built.exit_code == 0, built.output
    result = runner.invoke(main, ["query", str(tmp_path / "out"), "--named", "quotes-by", "Kowal", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert [line.split(",")[2] for line in result.stdout.splitlines()[1:]] == [
        "Russia had attacked a Norwegian border post", "the attack was a provocation"]
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    ng, base = "https://w3id.org/newsgraph/ontology#", "https://w3id.org/newsgraph/id/"
    (event,) = graph.subjects(URIRef(ng + "eventType"), URIRef("https://w3id.org/newsgraph/plover#ASSAULT"))
    quotation = graph.value(event, URIRef(ng + "accordingTo"))
    assert graph.value(quotation, URIRef(ng + "speaker")) == URIRef(base + KOWAL)
    assert graph.value(event, URIRef("http://www.w3.org/ns/prov#wasAttributedTo")) == URIRef(base + KOWAL)
    assert len(set(graph.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                  URIRef(ng + "Quotation")))) == 6

"""The quotes, quotes-by and quotes-about named queries and the stats' quotation counts, on a real store
that holds a hand-built document with quotations (test_quotes_graph.py), read through the default graph."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from test_quotes_graph import ATTACK, BASE, BERG, ENTITIES, KEY, MENTIONS, QUOTATIONS, analysed

from newsgraph.analytics import graph_stats, stats_text
from newsgraph.cli import main
from newsgraph.graph.iris import Iris
from newsgraph.graph.rdf import document_quads
from newsgraph.query.named import get_named_query, run_named
from newsgraph.store import LocalBackend
from newsgraph.store.documents import replace_document
from newsgraph.types import Resolution


@pytest.fixture(scope="module")
def store():
    backend, iris = LocalBackend(), Iris(BASE)
    quads = document_quads(iris, analysed(), Resolution(ENTITIES, MENTIONS), (), (ATTACK,), QUOTATIONS)
    replace_document(backend, iris, KEY, quads)
    return backend.store


def table(result) -> list[dict[str, str]]:
    return [{name: (term.value if term is not None else "") for name, term in zip(result.variables, row)}
            for row in result.rows]


def test_quotes_lists_every_quotation_in_text_order_with_speaker_words_and_cue(store):
    rows = table(run_named(store, "quotes"))
    assert [(r["speaker"], r["text"], r["direct"], r["cue"]) for r in rows] == [
        ("Anna Berg", "We will stay", "true", "say"),
        ("", "the border would close", "false", "say"),
        ("Anna Berg", "Russia attacked Ukraine", "false", "say"),
    ]
    assert {r["document"] for r in rows} == {f"{BASE}doc/{KEY}"} and {r["post"] for r in rows} == {""}


@pytest.mark.parametrize("name", ["Anna Berg", "berg", "ANNA BERG"])
def test_quotes_by_finds_a_speakers_quotations_by_any_of_their_names_in_any_case(store, name):
    result = run_named(store, "quotes-by", [name])
    assert "name" not in result.variables
    assert [r["text"] for r in table(result)] == ["We will stay", "Russia attacked Ukraine"]


def test_quotes_by_a_name_that_said_nothing_or_part_of_a_word_finds_nothing(store):
    assert run_named(store, "quotes-by", ["Ukraine"]).rows == ()
    assert run_named(store, "quotes-by", ["ber"]).rows == ()
    assert len(run_named(store, "quotes-by", ["anna"]).rows) == 2  # a whole word of a name


def test_quotes_about_finds_the_quotations_whose_words_mention_an_entity(store):
    rows = table(run_named(store, "quotes-about", ["ukraine"]))
    assert [(r["about"], r["speaker"], r["text"]) for r in rows] == [("Ukraine", "Anna Berg", "Russia attacked Ukraine")]
    assert run_named(store, "quotes-about", ["Anna Berg"]).rows == ()


def test_the_quote_queries_take_their_parameters_as_documented():
    assert [p.name for p in get_named_query("quotes-by").params] == ["name"]
    assert [p.name for p in get_named_query("quotes-about").params] == ["name"]
    assert get_named_query("quotes").params == ()


def test_stats_count_quotations_direct_reported_and_without_a_speaker(store):
    stats = graph_stats(store)
    assert stats["relations"]["quotations"] == {"total": 3, "direct": 1, "reported": 2, "without_speaker": 1}
    assert "quotations: 3 (1 direct, 2 reported), 1 without a speaker" in stats_text(stats)


def test_query_command_runs_quotes_by_on_a_graph_file(store, tmp_path):
    import pyoxigraph as ox

    path = tmp_path / "graph.ttl"
    path.write_bytes(store.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph()))
    result = CliRunner().invoke(main, ["query", str(path), "--named", "quotes-by", "Berg", "--format", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "quotation,speaker,text,direct,cue,reported,document,post"
    assert [line.split(",")[2] for line in lines[1:]] == ["We will stay", "Russia attacked Ukraine"]
    assert BERG not in result.stdout  # the speaker is shown by name

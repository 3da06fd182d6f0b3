"""Scoring the quotations a build writes (ng:speaker, schema:text @en, spans, evidence) as the guidelines and
the reference scorer do: the speaker stands for the gold one, the words overlap by half of the shorter text,
a quotation without a speaker counts only for an unnamed (optional) gold one."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib
from test_evaluate_reference import reference_scorer
from test_quotes_graph import ATTACK, BASE, ENTITIES, KEY, MENTIONS, QUOTATIONS, analysed

from newsgraph.evaluate import score_graph
from newsgraph.graph.iris import Iris
from newsgraph.graph.rdf import document_quads
from newsgraph.store import LocalBackend
from newsgraph.store.documents import replace_document
from newsgraph.types import Quotation, Resolution

GOLD = {
    "id": "border-talks",
    "entities": [
        {"name": "Anna Berg", "type": "Person", "aliases": ["Berg"]},
        {"name": "Russia", "type": "State", "iso3": "RUS", "aliases": []},
        {"name": "Ukraine", "type": "State", "iso3": "UKR", "aliases": []},
        {"name": "Oslo", "type": "Place", "aliases": []},
    ],
    "roles": [],
    "events": [{"type": "ASSAULT", "agent": "Russia", "target": "Ukraine"}],
    "quotes": [
        {"speaker": "Anna Berg", "text": "We will stay", "direct": True},
        {"speaker": None, "text": "the border would close", "direct": False, "optional": True},
        {"speaker": "Anna Berg", "text": "Russia attacked Ukraine", "direct": False},
        {"speaker": "Anna Berg", "text": "talks will resume next spring in Oslo", "direct": True},
    ],
}


def built(quotations=QUOTATIONS):
    """The default graph of a store holding the document, as every reader reads it."""
    backend, iris = LocalBackend(), Iris(BASE)
    quads = document_quads(iris, analysed(), Resolution(ENTITIES, MENTIONS), (), (ATTACK,), quotations)
    replace_document(backend, iris, KEY, quads)
    return backend.store


def counts(store, gold=GOLD) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """(ours, the reference scorer's) quote counts (tp, fp, fn) for the store's default graph."""
    ours = score_graph(store, gold).counts["quotes"]
    turtle = store.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph())
    theirs = reference_scorer().score_graph(rdflib.Graph().parse(data=turtle, format="turtle"), gold)["quotes"]
    return (ours.tp, ours.fp, ours.fn), (theirs.tp, theirs.fp, theirs.fn)


def test_the_quotations_a_build_writes_score_the_same_with_both_scorers():
    ours, theirs = counts(built())
    assert ours == theirs == (2, 0, 1)  # the unnamed one matches only the optional gold quote


def test_a_quotation_without_a_speaker_is_a_false_positive_against_a_named_gold_one():
    unnamed_stay = Quotation(None, "We will stay", QUOTATIONS[0].spans, "say", True, QUOTATIONS[0].provenance)
    ours, theirs = counts(built((unnamed_stay, *QUOTATIONS[1:])))
    assert ours == theirs == (1, 1, 2)


@pytest.mark.parametrize("words, found", [("Russia attacked", True), ("attacked Ukraine at dawn", True),
                                          ("Kyiv was quiet overnight", False)])
def test_words_match_when_they_share_half_of_the_shorter_text(words, found):
    said = Quotation("person/anna-berg", words, QUOTATIONS[2].spans, "say", False, QUOTATIONS[2].provenance)
    ours, theirs = counts(built((QUOTATIONS[0], said)))
    assert ours == theirs
    assert ours[0] == (2 if found else 1)

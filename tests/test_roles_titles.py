"""Reading title phrases, on hand-built sentences (no statistical model).

The sentences are tokenised by a small regex and given a flat parse (every
token its own head); entity mentions are placed by hand, the way the NLP
and resolve stages would. That is all ``find_titles`` needs: words, parts of
speech and the entities around the post.
"""
from __future__ import annotations

import re

import pytest

from newsgraph.relations.context import DocumentContext
from newsgraph.relations.titles import find_titles
from newsgraph.types import (AnalysedDocument, Document, Entity, EntityType, Mention, Resolution,
                             ResolvedMention, Segment, Sentence, Token)

FUNCTION = {"of", "the", "a", "an", "to", "for", "and", "'s", "-", ",", "his", "her"}
ADJECTIVES = {"former", "next", "new", "foreign", "prime", "junior", "deputy", "top"}


def hand_built(text: str, entities: list[tuple[str, str, EntityType, str | None]]):
    """A one-sentence document with a flat parse and the given (surface, key, type, hint) entities."""
    tokens = []
    for i, m in enumerate(re.finditer(r"'s|[\w]+|[^\w\s]", text)):
        word = m.group()
        pos = ("ADP" if word in {"of", "to", "for"} else "DET" if word in {"the", "a", "an"} else "PUNCT"
               if not word[0].isalnum() and word != "'s" else "PART" if word == "'s" else "ADJ"
               if word.casefold() in ADJECTIVES else "PROPN" if word[0].isupper() else "NOUN")
        tokens.append(Token(i, m.start(), m.end(), word, word.casefold(), pos, "NN", "dep", i))
    sentence = Sentence(0, len(text), text, None, tuple(tokens))
    doc = Document(key="t", source="t", text=text, content_hash="sha256:" + "0" * 64,
                   segments=(Segment(0, len(text)),))
    mentions, ents = [], {}
    for surface, key, etype, hint in entities:
        start = text.index(surface)
        mention = Mention(start, start + len(surface), surface, "X", 0, None, hint)
        mentions.append(ResolvedMention("t", mention, key))
        ents[key] = Entity(key, etype, surface)
    analysed = AnalysedDocument(doc, (sentence,), tuple(m.mention for m in mentions))
    resolution = Resolution(tuple(ents.values()), tuple(mentions))
    ctx = DocumentContext(analysed, resolution, ents)
    return ctx, ctx.sentences[0]


def titles_of(text, entities):
    ctx, view = hand_built(text, entities)
    return [(t.label, t.org, t.former, t.nominated, t.elect) for t in find_titles(ctx, view)]


ESTONIA = ("Estonia", "state/EST", EntityType.STATE, "state:EST")


def test_a_state_before_an_ex_title_gives_post_state_and_former():
    assert titles_of("Estonia ex-Prime Minister Kaja Kallas spoke", [ESTONIA]) == [
        ("prime minister", "state/EST", True, False, False)]


def test_a_possessive_organisation_and_next_are_read_and_stripped():
    eu = ("European Union", "org/european-union", EntityType.ORGANISATION, "org:european-union")
    assert titles_of("the European Union's next foreign policy chief", [eu]) == [
        ("foreign policy chief", "org/european-union", False, False, False)]


def test_an_of_phrase_names_the_organisation():
    au = ("AU Commission", "org/african-union-commission", EntityType.ORGANISATION, None)
    assert titles_of("X, Chairperson of the AU Commission", [au]) == [
        ("chairperson", "org/african-union-commission", False, False, False)]


def test_portfolio_words_compose_with_minister_before_and_after():
    assert titles_of("a former sports and youth minister", []) == [("sports and youth minister", None, True, False,
                                                                     False)]
    assert titles_of("the minister of home affairs", []) == [("minister of home affairs", None, False, False,
                                                              False)]


def test_rank_words_stay_in_the_post():
    assert titles_of("the junior finance minister", [])[0][0] == "junior finance minister"
    assert titles_of("the deputy prime minister", [])[0][0] == "deputy prime minister"


def test_elect_stays_in_the_post_and_sets_the_flag():
    usa = ("US", "state/USA", EntityType.STATE, "state:USA")
    assert titles_of("US president-elect Donald Trump", [usa]) == [("president-elect", "state/USA", False, False, True)]


def test_a_designate_suffix_marks_a_nomination():
    [(label, _, _, nominated, _)] = titles_of("foreign minister-designate", [])
    assert (label, nominated) == ("foreign minister", True)


def test_a_diplomat_keeps_the_state_he_is_posted_to():
    india = ("India", "state/IND", EntityType.STATE, "state:IND")
    china = ("China", "state/CHN", EntityType.STATE, "state:CHN")
    assert titles_of("India's ambassador to China", [india, china]) == [
        ("ambassador to china", "state/IND", False, False, False)]


def test_head_of_an_unnamed_body_keeps_the_body_in_the_post():
    assert titles_of("the head of the president's office", [])[0][:2] == ("head of the president's office", None)


def test_a_demonym_stands_for_its_state():
    assert titles_of("the former Estonian prime minister", [("Estonian", "state/EST", EntityType.STATE,
                                                              "demonym:EST")]) == [
        ("prime minister", "state/EST", True, False, False)]


def test_a_capital_before_a_mayor_stays_a_place():
    kyiv = ("Kyiv", "place/kyiv", EntityType.PLACE, "capital:UKR")
    assert titles_of("Kyiv mayor Vitali Klitschko", [kyiv])[0][:2] == ("mayor", "place/kyiv")


@pytest.mark.parametrize("text", ["foreign ministers met", "the general election", "the Prime Minister's Office"])
def test_plurals_ranks_and_words_inside_names_are_no_posts(text):
    office = ("Prime Minister's Office", "org/prime-ministers-office", EntityType.ORGANISATION, None)
    assert titles_of(text, [office] if "Office" in text else []) == []

"""An organisation's acronym means one thing within a document: every untagged use of an acronym
the document tags or defines becomes a mention (records built by hand, no model)."""
from __future__ import annotations

import re

from newsgraph.nlp.consistency import SOURCE, spread_acronyms
from newsgraph.types import Mention, Sentence, Token


def _sentence(text: str, start: int, pos: dict[str, str] | None = None) -> Sentence:
    tokens = [Token(i=i, start=start + m.start(), end=start + m.end(), text=m.group(), lemma=m.group().lower(),
                    pos=(pos or {}).get(m.group(), "PROPN" if m.group()[0].isupper() else "NOUN"), tag="NN",
                    dep="dep", head=0)
              for i, m in enumerate(re.finditer(r"\w+|[^\w\s]", text))]
    return Sentence(start, start + len(text), text, None, tuple(tokens))


def _texts(mentions) -> list[tuple[str, int, str]]:
    return [(m.text, m.sentence, m.source) for m in mentions]


def test_an_acronym_defined_in_brackets_is_a_mention_where_the_model_missed_it():
    first, second = "the Northern Relief Agency (NRA) opened", "the NRA commander left"
    text = f"{first} {second}"
    sentences = [_sentence(first, 0), _sentence(second, len(first) + 1)]
    name = Mention(4, 4 + len("Northern Relief Agency"), "Northern Relief Agency", "ORG", 0)
    out = spread_acronyms(text, sentences, [name])
    assert _texts(out) == [("Northern Relief Agency", 0, "ner"), ("NRA", 0, SOURCE), ("NRA", 1, SOURCE)]


def test_an_acronym_the_model_tagged_once_is_a_mention_everywhere():
    first, second = "NRA staff arrived", "an NRA spokesman said"
    text = f"{first} {second}"
    sentences = [_sentence(first, 0), _sentence(second, len(first) + 1)]
    out = spread_acronyms(text, sentences, [Mention(0, 3, "NRA", "ORG", 0)])
    assert _texts(out) == [("NRA", 0, "ner"), ("NRA", 1, SOURCE)]


def test_an_acronym_in_brackets_that_does_not_spell_the_name_is_not_spread():
    first, second = "the Northern Relief Agency (UN) opened", "the UN left"
    text = f"{first} {second}"
    sentences = [_sentence(first, 0), _sentence(second, len(first) + 1)]
    name = Mention(4, 4 + len("Northern Relief Agency"), "Northern Relief Agency", "ORG", 0)
    assert _texts(spread_acronyms(text, sentences, [name])) == [("Northern Relief Agency", 0, "ner")]


def test_capitals_the_document_never_gives_as_an_organisation_stay_words():
    first, second = "WARNING : NRA staff", "the WARNING stands"
    text = f"{first} {second}"
    sentences = [_sentence(first, 0), _sentence(second, len(first) + 1)]
    out = spread_acronyms(text, sentences, [Mention(10, 13, "NRA", "ORG", 0)])
    assert _texts(out) == [("NRA", 0, "ner")]


def test_a_state_acronym_or_a_verb_use_is_not_spread_as_an_organisation():
    first, second = "the US and the NRA met", "NRA US troops"
    text = f"{first} {second}"
    sentences = [_sentence(first, 0), _sentence(second, len(first) + 1, pos={"NRA": "VERB"})]
    out = spread_acronyms(text, sentences, [Mention(4, 6, "US", "GPE", 0), Mention(15, 18, "NRA", "ORG", 0)])
    assert _texts(out) == [("US", 0, "ner"), ("NRA", 0, "ner")]

"""Entity keys for names in any script: readable, distinct, Latin names unchanged."""
from __future__ import annotations

import re

import newsgraph.lexicon as lexicon_module
from newsgraph.lexicon import Lexicon, slugify
from newsgraph.resolve import resolve_entities
from newsgraph.types import AnalysedDocument, Document, EntityType, Mention, Segment, Sentence, Token


def test_latin_script_names_slug_as_before():
    assert slugify("Ana Lima") == "ana-lima"
    assert slugify("José Ñúñez-Ortiz") == "jose-nunez-ortiz"
    assert slugify("Łukasz Ćwik") == "ukasz-cwik"  # an existing IRI is never renamed
    assert slugify("   ") == "x"


def test_cyrillic_greek_and_han_names_are_transliterated():
    assert slugify("Олена Коваль") == "olena-koval"
    assert slugify("Νίκος Παππάς") == "nikos-pappas"
    assert slugify("王小明") == "wang-xiao-ming"


def test_names_in_other_scripts_stay_distinct():
    names = ["Олена Коваль", "Νίκος Παππάς", "محمد علي", "王小明", "Ірина Шевчук"]
    slugs = [slugify(n) for n in names]
    assert len(set(slugs)) == len(names) and "x" not in slugs
    assert all(re.fullmatch(r"[a-z0-9-]+", s) for s in slugs)


def test_without_a_transliterator_names_are_percent_encoded(monkeypatch):
    monkeypatch.setattr(lexicon_module, "_transliterate", lambda text: None)
    a, b = slugify("Олена Коваль"), slugify("Νίκος Παππάς")
    assert a != b and "%" in a and "%" in b and " " not in a
    assert slugify("Ana Lima") == "ana-lima"


def _doc(key: str, text: str, spans: list[str]) -> AnalysedDocument:
    mentions, cursor = [], 0
    for surface in spans:
        start = text.index(surface, cursor)
        mentions.append(Mention(start, start + len(surface), surface, "PERSON", sentence=0))
        cursor = start + len(surface)
    tokens = tuple(Token(i, m.start(), m.end(), m.group(), m.group().lower(), "X", "X", "dep", 0)
                   for i, m in enumerate(re.finditer(r"\w+|[^\w\s]", text)))
    doc = Document(key=key, source=key, text=text, content_hash="sha256:" + "0" * 64, segments=(Segment(0, len(text)),))
    return AnalysedDocument(doc, (Sentence(0, len(text), text, None, tokens),), tuple(mentions))


def test_two_people_written_in_different_scripts_are_two_nodes():
    a = _doc("a", "Олена Коваль выступила.", ["Олена Коваль"])
    b = _doc("b", "Ο Νίκος Παππάς μίλησε.", ["Νίκος Παππάς"])
    res = resolve_entities([a, b], Lexicon([], []))
    people = {e.key: e.name for e in res.entities if e.type is EntityType.PERSON}
    assert people == {"person/olena-koval": "Олена Коваль", "person/nikos-pappas": "Νίκος Παππάς"}

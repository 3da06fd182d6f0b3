"""Entity resolution on hand-built records: no statistical model needed."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.lexicon import Lexicon, OrgEntry, StateEntry
from newsgraph.resolve import resolve_entities, strip_titles
from newsgraph.types import AnalysedDocument, Document, EntityType, Mention, Segment, Sentence, Token

LEXICON = Lexicon(
    [
        StateEntry("RUS", "RU", "Russia", True, ("Russian Federation",), ("Russian", "Russians"), ("Moscow",)),
        StateEntry("USA", "US", "United States", True, ("US", "U.S.", "America"), ("American",), ("Washington",)),
        StateEntry("PRI", "PR", "Puerto Rico", False, (), (), ()),
    ],
    [OrgEntry("nato", "NATO", ("Nato", "North Atlantic Treaty Organization"), "intergovernmental")],
)


def make_doc(key: str, text: str, spans: list[tuple[str, str]]) -> AnalysedDocument:
    """A one-sentence document whose mentions are the first occurrences of each (surface, label)."""
    mentions = []
    cursor = 0
    for surface, label in spans:
        start = text.index(surface, cursor)
        mentions.append(Mention(start, start + len(surface), surface, label, sentence=0))
        cursor = start + len(surface)
    tokens = tuple(
        Token(i, m.start(), m.end(), m.group(), m.group().lower(), "X", "X", "dep", 0)
        for i, m in enumerate(re.finditer(r"\w+|[^\w\s]", text))
    )
    doc = Document(key=key, source=key, text=text, content_hash="sha256:" + "0" * 64,
                   segments=(Segment(0, len(text)),))
    return AnalysedDocument(doc, (Sentence(0, len(text), text, None, tokens),), tuple(mentions))


def by_name(resolution):
    return {e.name: e for e in resolution.entities}


def test_surname_and_title_forms_join_the_full_name():
    doc = make_doc("a", "Maria Lindqvist met reporters. Lindqvist said Ms Lindqvist's plan stands.",
                   [("Maria Lindqvist", "PERSON"), ("Lindqvist", "PERSON"), ("Ms Lindqvist's", "PERSON")])
    res = resolve_entities([doc], LEXICON)
    people = [e for e in res.entities if e.type is EntityType.PERSON]
    assert [p.name for p in people] == ["Maria Lindqvist"]
    assert set(people[0].aliases) >= {"Lindqvist", "Ms Lindqvist"}
    assert people[0].key == "person/maria-lindqvist"
    assert {rm.entity for rm in res.mentions} == {"person/maria-lindqvist"}


def test_case_variants_and_full_name_of_an_organisation_are_one_node():
    doc = make_doc("a", "Nato and NATO, the North Atlantic Treaty Organization, met.",
                   [("Nato", "ORG"), ("NATO", "ORG"), ("North Atlantic Treaty Organization", "ORG")])
    res = resolve_entities([doc], LEXICON)
    orgs = [e for e in res.entities if e.type is EntityType.ORGANISATION]
    assert len(orgs) == 1 and orgs[0].key == "org/nato" and orgs[0].name == "NATO"
    assert set(orgs[0].aliases) == {"Nato", "North Atlantic Treaty Organization"}


def test_demonym_names_its_state_with_iso_codes():
    doc = make_doc("a", "Russian drones hit the U.S. embassy; the United States' reply came.",
                   [("Russian", "NORP"), ("U.S.", "GPE"), ("the United States'", "GPE")])
    ents = by_name(resolve_entities([doc], LEXICON))
    assert ents["Russia"].type is EntityType.STATE and ents["Russia"].iso3 == "RUS" and ents["Russia"].iso2 == "RU"
    assert ents["United States"].key == "state/USA" and "U.S." in ents["United States"].aliases


def test_capital_is_a_place_not_a_state_even_when_tagged_as_a_person():
    doc = make_doc("a", "Moscow said nothing.", [("Moscow", "PERSON")])
    ents = by_name(resolve_entities([doc], LEXICON))
    assert ents["Moscow"].type is EntityType.PLACE and ents["Moscow"].key == "place/moscow"


def test_dependent_territory_is_a_place():
    doc = make_doc("a", "Puerto Rico voted.", [("Puerto Rico", "GPE")])
    assert by_name(resolve_entities([doc], LEXICON))["Puerto Rico"].type is EntityType.PLACE


def test_surname_mistyped_as_organisation_becomes_the_person():
    doc = make_doc("a", "Tomas Okafor spoke. Okafor later left.", [("Tomas Okafor", "PERSON"), ("Okafor", "ORG")])
    res = resolve_entities([doc], LEXICON)
    assert [(e.name, e.type) for e in res.entities] == [("Tomas Okafor", EntityType.PERSON)]


def test_person_after_a_locative_preposition_is_a_place():
    doc = make_doc("a", "A fire broke out in Valmora on Monday.", [("Valmora", "PERSON")])
    assert by_name(resolve_entities([doc], LEXICON))["Valmora"].type is EntityType.PLACE


def test_acronym_in_brackets_after_a_name_is_its_alias():
    doc = make_doc("a", "The Harbour Safety Board (HSB) warned. Later the HSB said more.",
                   [("The Harbour Safety Board", "ORG"), ("HSB", "ORG"), ("HSB", "ORG")])
    res = resolve_entities([doc], LEXICON)
    orgs = [e for e in res.entities if e.type is EntityType.ORGANISATION]
    assert len(orgs) == 1 and orgs[0].name == "Harbour Safety Board" and "HSB" in orgs[0].aliases


def test_same_surface_with_different_types_is_never_merged_silently():
    a = make_doc("a", "Jordan Lee spoke.", [("Jordan Lee", "PERSON")])
    b = make_doc("b", "Lee Holdings grew.", [("Lee Holdings", "ORG")])
    res = resolve_entities([a, b], LEXICON)
    assert {(e.name, e.type) for e in res.entities} == {
        ("Jordan Lee", EntityType.PERSON), ("Lee Holdings", EntityType.ORGANISATION)}


def test_surname_in_another_document_joins_the_only_person_with_that_name():
    a = make_doc("a", "Helena Varga arrived.", [("Helena Varga", "PERSON")])
    b = make_doc("b", "Varga left.", [("Varga", "PERSON")])
    res = resolve_entities([a, b], LEXICON)
    assert {rm.entity for rm in res.mentions} == {"person/helena-varga"}


def test_ambiguous_surname_prefers_the_person_named_in_the_same_document():
    a = make_doc("a", "Anna Kovac spoke.", [("Anna Kovac", "PERSON")])
    b = make_doc("b", "Ivan Kovac spoke, and Kovac smiled.", [("Ivan Kovac", "PERSON"), ("Kovac", "PERSON")])
    res = resolve_entities([a, b], LEXICON)
    short = [rm for rm in res.mentions if rm.mention.text == "Kovac"]
    assert short[0].entity == "person/ivan-kovac"


def test_titles_are_stripped_but_a_name_is_never_emptied():
    assert strip_titles("Naval Colonel Li Wen") == "Li Wen"
    assert strip_titles("President Anna Kovac") == "Anna Kovac"
    assert strip_titles("Mr") == "Mr"


DOCS = [
    make_doc("a", "Maria Lindqvist met Nato. Lindqvist left.", [("Maria Lindqvist", "PERSON"), ("Nato", "ORG"),
                                                                  ("Lindqvist", "PERSON")]),
    make_doc("b", "Lindqvist and Russian envoys met in Moscow.", [("Lindqvist", "PERSON"), ("Russian", "NORP"),
                                                                   ("Moscow", "GPE")]),
    make_doc("c", "NATO backed Okafor.", [("NATO", "ORG"), ("Okafor", "PERSON")]),
]


@settings(max_examples=25, deadline=None)
@given(st.permutations(DOCS))
def test_resolution_does_not_depend_on_document_order(docs):
    assert resolve_entities(docs, LEXICON) == resolve_entities(DOCS, LEXICON)


def test_a_type_given_by_syntax_outweighs_a_bare_label_elsewhere_in_the_document():
    doc = make_doc("a", "Valmora talks end. Ministers met in Valmora on Friday.",
                   [("Valmora", "ORG"), ("Valmora", "PERSON")])
    res = resolve_entities([doc], LEXICON)
    assert [(e.name, e.type) for e in res.entities] == [("Valmora", EntityType.PLACE)]

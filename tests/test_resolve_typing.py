"""Entity typing from the evidence of the whole document, on hand-built records."""
from __future__ import annotations

import re

import pytest

from newsgraph.lexicon import CityEntry, Lexicon, OrgEntry, StateEntry
from newsgraph.resolve import resolve_entities
from newsgraph.resolve.evidence import name_after_post, names_a_thing, speaks, titled_names
from newsgraph.types import AnalysedDocument, Document, EntityType, Mention, Segment, Sentence, Token

LEXICON = Lexicon(
    [StateEntry("KEN", "KE", "Kenya", True, (), ("Kenyan",), ("Nairobi",)),
     StateEntry("SDN", "SD", "Sudan", True, (), ("Sudanese",), ("Khartoum",))],
    [OrgEntry("nato", "NATO", ("Nato",), "intergovernmental")],
)


def make_doc(text: str, spans: list[tuple[str, str]], key: str = "a") -> AnalysedDocument:
    """Sentences split at ". "; mentions are the next occurrences of each (surface, label)."""
    sentences, start = [], 0
    for piece in re.split(r"(?<=\.) ", text):
        s = text.index(piece, start)
        tokens = tuple(Token(i, s + m.start(), s + m.end(), m.group(), m.group().lower(), "X", "X", "dep", 0)
                       for i, m in enumerate(re.finditer(r"\w+|[^\w\s]", piece)))
        sentences.append(Sentence(s, s + len(piece), piece, None, tokens))
        start = s + len(piece)
    mentions, cursor = [], 0
    for surface, label in spans:
        begin = text.index(surface, cursor)
        index = next(i for i, s in enumerate(sentences) if s.start <= begin < s.end)
        mentions.append(Mention(begin, begin + len(surface), surface, label, sentence=index))
        cursor = begin + len(surface)
    doc = Document(key=key, source=key, text=text, content_hash="sha256:" + "0" * 64,
                   segments=(Segment(0, len(text)),))
    return AnalysedDocument(doc, tuple(sentences), tuple(mentions))


def typed(text: str, spans: list[tuple[str, str]]) -> dict[str, EntityType]:
    return {e.name: e.type for e in resolve_entities([make_doc(text, spans)], LEXICON).entities}


# ------------------------------------------------------------ weapons, products, vehicles

def test_a_name_before_a_weapon_noun_is_no_actor():
    assert typed("The army deployed two Falcon batteries near the border.", [("Falcon", "PERSON")]) == {}
    assert typed("Kestrel air-defence systems shot down the drones.", [("Kestrel", "ORG")]) == {}
    assert typed("Crews fired Harrow rockets overnight.", [("Harrow", "PERSON")]) == {}


def test_a_weapon_name_is_dropped_everywhere_in_its_document():
    text = "Kenya asked for Falcon interceptors. The first Falcon arrived in March, two Falcons in May."
    assert typed(text, [("Kenya", "GPE"), ("Falcon", "ORG"), ("Falcon", "PERSON"), ("Falcons", "ORG")]) == {
        "Kenya": EntityType.STATE}


def test_an_owner_before_a_weapon_noun_stays_an_actor():
    # Organisations fire rockets; only a name taken for a person is a rocket's name.
    assert typed("Militia rockets hit the town, and Harbour Front rockets followed.",
                 [("Harbour Front", "ORG")]) == {"Harbour Front": EntityType.ORGANISATION}


def test_a_name_that_speaks_is_an_actor_even_before_a_product_noun():
    text = "Ana Lima drones were shown. Lima said the tests went well."
    assert typed(text, [("Ana Lima", "PERSON"), ("Lima", "PERSON")]) == {"Ana Lima": EntityType.PERSON}


def test_names_a_thing_needs_the_noun_right_after_the_name():
    doc = make_doc("Falcon officials said the batteries work.", [("Falcon", "PERSON")])
    assert not names_a_thing(doc.mentions[0], doc.sentences[0])
    doc = make_doc("A Falcon missile system was sold.", [("Falcon", "ORG")])
    assert names_a_thing(doc.mentions[0], doc.sentences[0])


def test_speaks_reads_said_before_or_after_the_name():
    for text in ("Okafor said it was over.", "It is over, said Okafor.", "Okafor, the envoy, told reporters."):
        doc = make_doc(text, [("Okafor", "PERSON")])
        assert speaks(doc.mentions[0], doc.sentences[0]), text
    doc = make_doc("Okafor Street was closed.", [("Okafor", "PERSON")])
    assert not speaks(doc.mentions[0], doc.sentences[0])


# ------------------------------------------------------------ titles make people

def test_titled_names_reads_courtesy_titles_ranks_and_posts():
    names, words = titled_names("Mr Okafor left. General Haddad and Foreign Minister Ana Lima met Dr. Wen Hao.")
    assert names == {"okafor", "haddad", "ana lima", "wen hao"}
    assert words == {"okafor", "haddad", "ana", "lima", "wen", "hao"}


def test_titled_names_ignores_bodies_and_common_words():
    names, _ = titled_names("The General Assembly met. The general public and former Prime Minister said so. "
                            "President of the Senate spoke.")
    assert names == set()


def test_a_surname_after_a_rank_is_a_person_wherever_ner_typed_it():
    text = "Forces loyal to General Haddad advanced. Haddad controls the port."
    assert typed(text, [("Haddad", "ORG"), ("Haddad", "GPE")]) == {"Haddad": EntityType.PERSON}


def test_a_full_name_after_a_courtesy_title_is_a_person():
    text = "Ms Ngozi Adeyemi spoke first. Ngozi Adeyemi then left the hall."
    assert typed(text, [("Ngozi Adeyemi", "ORG")]) == {"Ngozi Adeyemi": EntityType.PERSON}


def test_a_name_with_no_title_keeps_its_type():
    assert typed("Harbour Front said it would fight on.", [("Harbour Front", "ORG")]) == {
        "Harbour Front": EntityType.ORGANISATION}


# ------------------------------------------------------------ posts inside organisation spans

def test_an_organisation_span_ending_in_a_post_and_a_name_is_the_person():
    text = "Security Council Secretary Ana Lima met Nato envoys."
    res = resolve_entities([make_doc(text, [("Security Council Secretary Ana Lima", "ORG"), ("Nato", "ORG")])],
                           LEXICON)
    assert {e.name: e.type for e in res.entities} == {"Ana Lima": EntityType.PERSON, "NATO": EntityType.ORGANISATION}
    person = next(rm.mention for rm in res.mentions if rm.entity == "person/ana-lima")
    assert text[person.start:person.end] == "Ana Lima"


def test_name_after_post_forms():
    def tail(surface: str) -> str | None:
        found = name_after_post(Mention(10, 10 + len(surface), surface, "ORG", 0))
        return found.text if found else None

    assert tail("UN Ambassador Li Wen") == "Li Wen"
    assert tail("Kenyan Foreign Minister Ana Lima") == "Ana Lima"
    assert tail("Secretary of State Ana Lima") == "Ana Lima"
    assert tail("Ministry of Defence") is None
    assert tail("General Atomics") is None
    assert tail("President Hotel Group") is None
    assert tail("Harbour Safety Board") is None


# ------------------------------------------------------------ cities

CITY_LEXICON = Lexicon(
    [StateEntry("SDN", "SD", "Sudan", True, (), ("Sudanese",), ("Khartoum",))],
    [],
    [CityEntry("port-sudan", "Port Sudan", "SDN", ()), CityEntry("valmora", "Valmora", "SDN", ("Valmorra",))],
)


def test_a_city_is_a_place_whatever_ner_called_it():
    for label in ("ORG", "PERSON", "GPE"):
        doc = make_doc("Valmora reported shelling overnight.", [("Valmora", label)])
        ents = resolve_entities([doc], CITY_LEXICON).entities
        assert [(e.key, e.type) for e in ents] == [("place/valmora", EntityType.PLACE)], label


def test_a_city_named_after_a_state_is_a_place_not_the_state():
    doc = make_doc("The ministry moved to Port Sudan.", [("Port Sudan", "GPE")])
    ents = resolve_entities([doc], CITY_LEXICON).entities
    assert [(e.name, e.type) for e in ents] == [("Port Sudan", EntityType.PLACE)]
    assert CITY_LEXICON.contains_state("Port Sudan") and not CITY_LEXICON.contains_state("Valmora")


def test_a_city_spelling_variant_is_the_same_place():
    doc = make_doc("Valmorra and Valmora are one city.", [("Valmorra", "GPE"), ("Valmora", "ORG")])
    ents = resolve_entities([doc], CITY_LEXICON).entities
    assert [(e.key, e.name) for e in ents] == [("place/valmora", "Valmora")]


def test_a_city_word_that_the_document_gives_a_title_is_a_person():
    doc = make_doc("Mr Valmora arrived. Valmora said he was tired.", [("Valmora", "PERSON")])
    ents = resolve_entities([doc], CITY_LEXICON).entities
    assert [(e.name, e.type) for e in ents] == [("Valmora", EntityType.PERSON)]


def test_cities_csv_names_real_states_and_no_other_gazetteer_name():
    from newsgraph.lexicon import load_lexicon
    from newsgraph.resources import read_csv, split_list

    lexicon = load_lexicon()
    rows = read_csv("cities.csv")
    assert len(rows) > 100
    for row in rows:
        assert row["iso3"] in lexicon.states, row
        for form in (row["name"], *split_list(row["aliases"])):
            assert lexicon.lookup(form).kind == "city", f"{form!r} is already another gazetteer name"


def test_ruler_puts_cities_that_hold_a_state_name_before_ner():
    from newsgraph.nlp.model import ruler_patterns

    early = {p["pattern"] for p in ruler_patterns()}
    late = {p["pattern"] for p in ruler_patterns(capitals=True)}
    assert "Port Sudan" in early and "Port Sudan" not in late
    assert "Kharkiv" in late and "Kharkiv" not in early


# ------------------------------------------------------------ canonical names

def test_the_canonical_name_is_the_well_attested_spelling_not_a_one_off_typo():
    text = "Amara Okonkwa smiled. Amara Okonkwo spoke. Okonkwo said no. Okonkwo left."
    doc = make_doc(text, [("Amara Okonkwa", "PERSON"), ("Amara Okonkwo", "PERSON"), ("Okonkwo", "PERSON"),
                          ("Okonkwo", "PERSON")])
    people = [e for e in resolve_entities([doc], LEXICON).entities if e.type is EntityType.PERSON]
    assert [p.name for p in people] == ["Amara Okonkwo"] and "Amara Okonkwa" in people[0].aliases


def test_the_canonical_name_is_still_the_fullest_form():
    text = "Amara Chidi Okonkwo spoke. Amara Okonkwo left. Okonkwo said no."
    doc = make_doc(text, [("Amara Chidi Okonkwo", "PERSON"), ("Amara Okonkwo", "PERSON"), ("Okonkwo", "PERSON")])
    people = [e for e in resolve_entities([doc], LEXICON).entities if e.type is EntityType.PERSON]
    assert [p.name for p in people] == ["Amara Chidi Okonkwo"]


# ------------------------------------------------------------ capitals for their government

CAPITAL_LEXICON = Lexicon(
    [StateEntry("KEN", "KE", "Kenya", True, (), ("Kenyan",), ("Nairobi",)),
     StateEntry("SDN", "SD", "Sudan", True, (), ("Sudanese",), ("Khartoum",))], [])


def parsed(text: str, capital: str, arcs: dict[int, tuple[str, int, str]]) -> AnalysedDocument:
    """One sentence whose tokens carry the given (dep, head, lemma) arcs; the capital is its mention."""
    words = list(re.finditer(r"\w+|[^\w\s]", text))
    tokens = tuple(Token(i, m.start(), m.end(), m.group(), arcs.get(i, ("", 0, m.group().lower()))[2], "X", "X",
                         arcs.get(i, ("dep", 0, ""))[0], arcs.get(i, ("dep", 0, ""))[1])
                   for i, m in enumerate(words))
    start = text.index(capital)
    doc = Document(key="a", source="a", text=text, content_hash="sha256:" + "0" * 64, segments=(Segment(0, len(text)),))
    return AnalysedDocument(doc, (Sentence(0, len(text), text, None, tokens),),
                            (Mention(start, start + len(capital), capital, "GPE", sentence=0),))


def capital_reading(doc: AnalysedDocument) -> list[tuple[str, str, tuple[str, ...]]]:
    res = resolve_entities([doc], CAPITAL_LEXICON)
    assert {rm.entity for rm in res.mentions} == {e.key for e in res.entities}
    return [(e.key, e.name, e.aliases) for e in res.entities]


def test_a_capital_that_speaks_or_acts_is_a_mention_of_its_state():
    doc = parsed("Nairobi said the border would reopen.", "Nairobi", {0: ("nsubj", 1, "nairobi"), 1: ("ROOT", 1, "say")})
    assert capital_reading(doc) == [("state/KEN", "Kenya", ("Nairobi",))]


def test_a_capital_as_possessor_or_addressee_is_its_state():
    doc = parsed("Nairobi's envoy left.", "Nairobi", {0: ("poss", 2, "nairobi"), 2: ("nsubj", 3, "envoy")})
    assert capital_reading(doc)[0][0] == "state/KEN"
    doc = parsed("Donors urged Khartoum to talk.", "Khartoum", {1: ("ROOT", 1, "urge"), 2: ("dobj", 1, "khartoum")})
    assert capital_reading(doc)[0][0] == "state/SDN"


def test_a_capital_joined_to_a_subject_is_a_state_too():
    doc = parsed("Donors and Khartoum said so.", "Khartoum",
                 {0: ("nsubj", 3, "donor"), 2: ("conj", 0, "khartoum"), 3: ("ROOT", 3, "say")})
    assert capital_reading(doc)[0][0] == "state/SDN"


def test_a_capital_that_locates_or_is_travelled_to_or_hit_stays_a_place():
    for text, arcs in [
        ("Talks were held in Nairobi.", {3: ("prep", 2, "in"), 4: ("pobj", 3, "nairobi")}),
        ("The envoy visited Nairobi.", {2: ("ROOT", 2, "visit"), 3: ("dobj", 2, "nairobi")}),
        ("Drones struck Nairobi.", {1: ("ROOT", 1, "strike"), 2: ("dobj", 1, "nairobi")}),
        ("Nairobi traffic was slow.", {0: ("compound", 1, "nairobi"), 1: ("nsubj", 2, "traffic")}),
    ]:
        doc = parsed(text, "Nairobi", arcs)
        assert capital_reading(doc) == [("place/nairobi", "Nairobi", ())], text


# ------------------------------------------------------------ untagged surnames

def surname_mentions(text: str, spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    res = resolve_entities([make_doc(text, spans)], LEXICON)
    return [(text[rm.mention.start:rm.mention.end], rm.entity) for rm in res.mentions
            if rm.mention.source == "surname"]


def test_an_untagged_surname_links_to_the_person_named_in_full():
    text = "Ngozi Adeyemi landed on Monday. Adeyemi met the Kenyan foreign minister. Talks with Adeyemi went on."
    assert surname_mentions(text, [("Ngozi Adeyemi", "PERSON"), ("Kenyan", "NORP")]) == [
        ("Adeyemi", "person/ngozi-adeyemi"), ("Adeyemi", "person/ngozi-adeyemi")]


def test_a_surname_after_a_title_links_too_and_a_tagged_one_is_not_doubled():
    text = "Ngozi Adeyemi landed. Ms Adeyemi smiled. Adeyemi's aides waved."
    found = surname_mentions(text, [("Ngozi Adeyemi", "PERSON"), ("Adeyemi", "PERSON")])
    assert found == [("Adeyemi", "person/ngozi-adeyemi")]  # the tagged first one is left as it was


def test_no_surname_mention_inside_a_longer_name_or_for_a_shared_surname():
    text = "Ngozi Adeyemi landed. Tunde Adeyemi stayed. Adeyemi Street was closed."
    assert surname_mentions(text, [("Ngozi Adeyemi", "PERSON")]) == []
    text = "Ngozi Adeyemi and Bola Adeyemi landed. Adeyemi spoke."
    assert surname_mentions(text, [("Ngozi Adeyemi", "PERSON"), ("Bola Adeyemi", "PERSON")]) == []


def test_a_surname_that_is_also_a_word_is_not_read_at_a_sentence_start():
    text = "Ngozi Young spoke. Young people marched. The young cheered."
    assert surname_mentions(text, [("Ngozi Young", "PERSON")]) == []


# ------------------------------------------------------------ bodies described as such

def test_a_name_after_a_noun_describing_a_body_is_an_organisation():
    assert typed("Regulators fined drugmaker Pharmo on Monday.", [("Pharmo", "PERSON")]) == {
        "Pharmo": EntityType.ORGANISATION}
    assert typed("Shipping giant Norline warned of delays. Norline cut routes.",
                 [("Norline", "PERSON"), ("Norline", "PERSON")]) == {"Norline": EntityType.ORGANISATION}


def test_a_person_after_a_post_or_an_adjective_stays_a_person():
    assert typed("Union leader Dana Ruiz spoke.", [("Dana Ruiz", "PERSON")]) == {"Dana Ruiz": EntityType.PERSON}
    assert typed("The Party chose Dana Ruiz.", [("Dana Ruiz", "PERSON")]) == {"Dana Ruiz": EntityType.PERSON}


# ------------------------------------------------------------ what only a person takes

def test_who_or_said_he_or_she_makes_a_name_a_person():
    assert typed("Adeyemi, who chairs the panel, left.", [("Adeyemi", "ORG")]) == {"Adeyemi": EntityType.PERSON}
    assert typed("Adeyemi said she would stay. Adeyemi left.", [("Adeyemi", "ORG"), ("Adeyemi", "GPE")]) == {
        "Adeyemi": EntityType.PERSON}


def test_which_or_said_it_leaves_an_organisation():
    assert typed("Harbour Front, which runs the port, said it would stay.", [("Harbour Front", "ORG")]) == {
        "Harbour Front": EntityType.ORGANISATION}
    assert typed("Harbour Front said it would stay.", [("Harbour Front", "ORG")]) == {
        "Harbour Front": EntityType.ORGANISATION}


def test_who_after_a_name_inside_an_of_phrase_is_not_the_names():
    assert typed("The head of Harbour Front, who runs the panel, left.", [("Harbour Front", "ORG")]) == {
        "Harbour Front": EntityType.ORGANISATION}
    assert typed("Harbour Party, who won, celebrated.", [("Harbour Party", "ORG")]) == {
        "Harbour Party": EntityType.ORGANISATION}


def test_places_coordinated_inside_one_span_are_each_a_place():
    doc = make_doc("Hospitals in Valmora and Port Sudan ran short.", [("Valmora and Port Sudan", "ORG")])
    res = resolve_entities([doc], CITY_LEXICON)
    assert sorted((e.name, e.type) for e in res.entities) == [("Port Sudan", EntityType.PLACE),
                                                              ("Valmora", EntityType.PLACE)]
    assert sorted(rm.mention.text for rm in res.mentions) == ["Port Sudan", "Valmora"]


def test_a_name_with_and_that_is_not_a_list_of_places_stays_whole():
    doc = make_doc("Valmora and District Council met.", [("Valmora and District Council", "ORG")])
    assert [e.name for e in resolve_entities([doc], CITY_LEXICON).entities] == ["Valmora and District Council"]


def test_a_headline_capital_is_kept_when_the_body_uses_it_for_its_state():
    from dataclasses import replace as _replace

    doc = parsed("Talks on Nairobi. Nairobi said no.", "Nairobi",
                 {2: ("pobj", 1, "nairobi"), 4: ("nsubj", 5, "nairobi"), 5: ("ROOT", 5, "say")})
    first = _replace(doc.mentions[0], source="ner-headline")
    second = Mention(18, 25, "Nairobi", "GPE", sentence=0)
    doc = AnalysedDocument(doc.document, doc.sentences, (first, second))
    res = resolve_entities([doc], CAPITAL_LEXICON)
    assert sorted(rm.entity for rm in res.mentions) == ["place/nairobi", "state/KEN"]


# ------------------------------------------------------------ storms

def test_a_storms_name_is_no_actor():
    assert typed("Storm Zelda flooded the coast.", [("Storm Zelda", "ORG")]) == {}
    assert typed("Hurricane Zelda made landfall. Zelda weakened.", [("Zelda", "PERSON")]) == {}
    assert typed("Tropical Storm Zelda passed, and Zelda weakened.", [("Zelda", "PERSON"), ("Zelda", "ORG")]) == {}


def test_a_storm_word_that_is_no_name_prefix_changes_nothing():
    assert typed("After the storm, Zelda Okafor spoke.", [("Zelda Okafor", "PERSON")]) == {
        "Zelda Okafor": EntityType.PERSON}
    assert typed("Hurricane relief group Harbour Front said so.", [("Harbour Front", "ORG")]) == {
        "Harbour Front": EntityType.ORGANISATION}


def test_a_name_in_commas_after_a_body_noun_is_an_organisation():
    assert typed("Her party, Civic Front, said the arrest was unfair.", [("Civic Front", "PERSON")]) == {
        "Civic Front": EntityType.ORGANISATION}
    assert typed("We will sue the company, Okafor said.", [("Okafor", "PERSON")]) == {"Okafor": EntityType.PERSON}


def test_a_lone_word_called_person_and_organisation_alike_is_an_organisation():
    assert typed("Regulators opened an inquiry into Zorbly. Zorbly had until Friday.",
                 [("Zorbly", "ORG"), ("Zorbly", "PERSON")]) == {"Zorbly": EntityType.ORGANISATION}
    # a full name elsewhere in the document still makes the word a person's
    assert typed("Ana Zorbly spoke. Zorbly left. Zorbly returned.",
                 [("Ana Zorbly", "PERSON"), ("Zorbly", "ORG"), ("Zorbly", "PERSON")])["Ana Zorbly"] is EntityType.PERSON


def test_a_double_given_name_split_at_its_hyphen_is_one_person():
    import spacy
    from spacy.tokens import Span

    from newsgraph.nlp.clean import clean_entities

    nlp = spacy.blank("en")
    doc = nlp("Chair Anne-Claire Okafor spoke with Kyiv-based Lena Holm.")
    words = [t.text for t in doc]
    assert words[1:4] == ["Anne", "-", "Claire"]
    doc.ents = [Span(doc, 1, 2, label="PERSON"), Span(doc, 4, 5, label="PERSON"), Span(doc, 7, 8, label="GPE"),
                Span(doc, 10, 12, label="PERSON")]
    assert [(e.text, e.label_) for e in clean_entities(doc).ents] == [
        ("Anne-Claire Okafor", "PERSON"), ("Kyiv", "GPE"), ("Lena Holm", "PERSON")]


def test_a_name_before_a_region_noun_is_a_place():
    assert typed("The premier visited Quang Lam province on Monday.", [("Quang Lam", "PERSON")]) == {
        "Quang Lam": EntityType.PLACE}
    assert typed("Drones hit the Valmora Region overnight.", [("Valmora", "ORG")]) == {"Valmora": EntityType.PLACE}
    assert typed("Fighting spread in Dorno state.", [("Dorno", "PERSON")]) == {"Dorno": EntityType.PLACE}


def test_a_name_before_a_capitalised_state_or_district_keeps_its_type():
    assert typed("Harbour Front State officials met.", [("Harbour Front", "ORG")]) == {
        "Harbour Front": EntityType.ORGANISATION}
    assert typed("Ana Lima District Court ruled.", [("Ana Lima", "PERSON")]) == {"Ana Lima": EntityType.PERSON}


def test_a_two_word_name_typed_as_organisation_is_a_person_when_its_first_or_last_word_is():
    text = "Voters backed Tomas Baswan. Tomas said his team would appeal."
    assert typed(text, [("Tomas Baswan", "ORG")]) == {"Tomas Baswan": EntityType.PERSON}
    text = "Voters backed Tomas Baswan. Mr Baswan spoke."
    assert typed(text, [("Tomas Baswan", "ORG")]) == {"Tomas Baswan": EntityType.PERSON}


def test_a_body_named_after_a_person_stays_an_organisation():
    text = "Mr Baswan spoke. The Baswan Foundation gave money."
    assert typed(text, [("Baswan Foundation", "ORG")]) == {"Baswan Foundation": EntityType.ORGANISATION}
    text = "Tomas Baswan left. Voters backed Harbour Front. Front said it would appeal."
    assert typed(text, [("Harbour Front", "ORG")]) == {"Harbour Front": EntityType.ORGANISATION}


def test_an_untagged_name_after_a_body_noun_is_an_organisation():
    text = "Pharmo Labs will appeal. Regulators fined drugmaker Pharmo Labs on Monday."
    res = resolve_entities([make_doc(text, [("Pharmo Labs", "PERSON")])], LEXICON)
    assert [(e.name, e.type) for e in res.entities] == [("Pharmo Labs", EntityType.ORGANISATION)]
    assert len(res.mentions) == 2


def test_described_bodies_stop_at_posts_and_need_a_capital():
    from newsgraph.resolve.evidence import described_bodies

    text = "The company Chairman spoke. The firm said so. Shipping giant Norline Lines grew."
    assert [text[a:b] for a, b in described_bodies(text)] == ["Norline Lines"]


def _tagged(text: str, surface: str, label: str, tags: dict[int, tuple[str, str]]) -> dict[str, EntityType]:
    words = list(re.finditer(r"\w+|[^\w\s]", text))
    tokens = tuple(Token(i, m.start(), m.end(), m.group(), m.group().lower(), tags.get(i, ("X", "X"))[0],
                         tags.get(i, ("X", "X"))[1], "dep", 0) for i, m in enumerate(words))
    start = text.index(surface)
    doc = Document(key="a", source="a", text=text, content_hash="sha256:" + "0" * 64, segments=(Segment(0, len(text)),))
    ad = AnalysedDocument(doc, (Sentence(0, len(text), text, None, tokens),),
                          (Mention(start, start + len(surface), surface, label, sentence=0),))
    return {e.name: e.type for e in resolve_entities([ad], LEXICON).entities}


def test_a_common_noun_opening_a_sentence_is_no_name():
    assert _tagged("Wildfires forced people out.", "Wildfires", "PERSON", {0: ("NOUN", "NNS")}) == {}
    assert _tagged("Protesters marched.", "Protesters", "ORG", {0: ("NOUN", "NNS")}) == {}


def test_a_proper_noun_opening_a_sentence_or_a_common_noun_elsewhere_is_kept():
    assert _tagged("Okafor spoke.", "Okafor", "PERSON", {0: ("PROPN", "NNP")}) == {"Okafor": EntityType.PERSON}
    assert _tagged("Then Okafor spoke.", "Okafor", "PERSON", {1: ("NOUN", "NN")}) == {"Okafor": EntityType.PERSON}


def test_a_storm_named_where_the_model_tagged_nothing_is_still_no_actor():
    text = "Hurricane Zelda made landfall on Tuesday. Zelda weakened overnight."
    doc = make_doc(text, [])
    second = text.rindex("Zelda")
    doc = AnalysedDocument(doc.document, doc.sentences, (Mention(second, second + 5, "Zelda", "PERSON", sentence=1),))
    assert resolve_entities([doc], LEXICON).entities == ()  # only the second, bare mention is tagged
    assert typed("After the storm Zelda Okafor spoke. Okafor left.", [("Zelda Okafor", "PERSON")]) == {
        "Zelda Okafor": EntityType.PERSON}


def _parsed_doc(words: list[str], pos: list[str], heads: list[int], deps: list[str]):
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.blank("en")
    return Doc(nlp.vocab, words=words, pos=pos, heads=heads, deps=deps)


def test_a_personal_name_cut_before_its_head_word_runs_to_it():
    from spacy.tokens import Span

    from newsgraph.nlp.clean import clean_entities

    # "They invited army chief Tan Ko Zaw ." with the model's span ending at "Ko"
    doc = _parsed_doc(["They", "invited", "army", "chief", "Tan", "Ko", "Zaw", "."],
                      ["PRON", "VERB", "NOUN", "NOUN", "PROPN", "PROPN", "PROPN", "PUNCT"],
                      [1, 1, 3, 6, 6, 6, 1, 1], ["nsubj", "ROOT", "compound", "compound", "compound", "compound",
                                                  "dobj", "punct"])
    doc.ents = [Span(doc, 4, 6, label="PERSON")]
    assert [(e.text, e.label_) for e in clean_entities(doc).ents] == [("Tan Ko Zaw", "PERSON")]


def test_a_name_followed_by_a_word_it_does_not_modify_stays_as_it_is():
    from spacy.tokens import Span

    from newsgraph.nlp.clean import clean_entities

    # "Tan Ko met Reuters ." : the next proper noun is the object, not the end of the name
    doc = _parsed_doc(["Tan", "Ko", "met", "Reuters", "."], ["PROPN", "PROPN", "VERB", "PROPN", "PUNCT"],
                      [1, 2, 2, 2, 2], ["compound", "nsubj", "ROOT", "dobj", "punct"])
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    assert [(e.text, e.label_) for e in clean_entities(doc).ents] == [("Tan Ko", "PERSON")]
    # "Tan Ko Administration": what a name modifies without being part of it (a government, a post)
    doc = _parsed_doc(["Tan", "Ko", "Administration", "."], ["PROPN", "PROPN", "PROPN", "PUNCT"],
                      [1, 2, 2, 2], ["compound", "compound", "ROOT", "punct"])
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    assert [(e.text, e.label_) for e in clean_entities(doc).ents] == [("Tan Ko", "PERSON")]

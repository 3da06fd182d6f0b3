"""Role patterns on sentences written for these tests, through the real model and resolver."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from newsgraph.types import Document, Post, Segment

pytestmark = pytest.mark.slow

PUBLISHED = datetime(2024, 5, 2, 9, 30, tzinfo=timezone.utc)


def test_premodifier_state_and_title_before_the_name(roles):
    found = roles("Brazilian foreign minister Mauro Vieira arrived in Lisbon on Monday.")
    m = found[("person/mauro-vieira", "foreign minister", "state/BRA")]
    assert not (m.former or m.nominated or m.elect)
    assert m.provenance[0].extractor == "roles.premodifier.v1"


def test_premodifier_without_organisation(roles):
    assert ("person/gabriel-boric", "president", None) in roles("President Gabriel Boric spoke to reporters.")


def test_premodifier_with_possessive_organisation(roles):
    found = roles("Nato's secretary-general Jens Stoltenberg visited Oslo.")
    assert ("person/jens-stoltenberg", "secretary-general", "org/nato") in found


def test_state_named_after_the_name(roles):
    found = roles("Prime minister Anthony Albanese of Australia flew to Tokyo.")
    assert ("person/anthony-albanese", "prime minister", "state/AUS") in found


def test_former_from_ex_and_from_former(roles):
    found = roles("Finland ex-President Sauli Niinisto and former Danish prime minister Helle Thorning-Schmidt "
                  "attended the forum.")
    assert found[("person/sauli-niinisto", "president", "state/FIN")].former
    assert found[("person/helle-thorning-schmidt", "prime minister", "state/DNK")].former


def test_apposition_with_of_phrase(roles):
    found = roles("Rafael Grossi, director-general of the International Atomic Energy Agency, arrived in Tehran.")
    [(key, m)] = [(k, m) for k, m in found.items() if k[0] == "person/rafael-grossi"]
    assert key[1] == "director-general" and key[2] is not None
    assert m.provenance[0].extractor == "roles.apposition.v1"


def test_apposition_with_formerly_marks_former(roles):
    found = roles("The plan was drafted by Jane Roe, formerly Canada's trade minister, and two aides.")
    assert found[("person/jane-roe", "trade minister", "state/CAN")].former


def test_apposition_of_a_nominee_marks_a_nomination(roles):
    found = roles("John Doe, the nominee to be Kenya's next finance minister, faced lawmakers on Tuesday.")
    assert found[("person/john-doe", "finance minister", "state/KEN")].nominated


def test_apposition_through_who_will_be(roles):
    found = roles("The job goes to Peter Smith, who will now be Ireland's defence minister.")
    assert ("person/peter-smith", "defence minister", "state/IRL") in found


def test_copula_present_and_past(roles):
    found = roles("Anna Berg is Sweden's foreign minister. Lars Berg was Norway's ambassador to Japan.")
    assert not found[("person/anna-berg", "foreign minister", "state/SWE")].former
    past = found[("person/lars-berg", "ambassador to japan", "state/NOR")]
    assert past.former and past.provenance[0].extractor == "roles.copula.v1"


def test_appointed_as_and_named_as(roles):
    found = roles("Maria Lopez was appointed as the minister of home affairs. "
                  "The president named Carlos Ruiz as the next finance minister.")
    assert ("person/maria-lopez", "minister of home affairs", None) in found
    assert ("person/carlos-ruiz", "finance minister", None) in found


def test_stepping_down_as_marks_former(roles):
    found = roles("Tom Baker stepped down as Labour Party chairman in March.")
    [m] = [m for k, m in found.items() if k[0] == "person/tom-baker"]
    assert m.role == "chairman" and m.former


def test_succeeding_someone_gives_both_holders(roles):
    found = roles("Joana Marques will succeed Rui Costa as Portugal's economy minister.")
    assert not found[("person/joana-marques", "economy minister", "state/PRT")].former
    predecessor = found[("person/rui-costa", "economy minister", "state/PRT")]
    assert predecessor.former and predecessor.provenance[0].extractor == "roles.succession.v1"


def test_counterpart_takes_the_post_just_named(roles):
    found = roles("Japanese foreign minister Yoko Kamikawa and her Australian counterpart Penny Wong met in Perth.")
    assert ("person/penny-wong", "foreign minister", "state/AUS") in found
    assert found[("person/penny-wong", "foreign minister", "state/AUS")].provenance[0].extractor \
        == "roles.counterpart.v1"


def test_the_city_s_mayor_is_mayor_of_the_city_named_before(roles):
    found = roles("Drones hit Lviv overnight. Andriy Sadovyi, the city's mayor, said three people were hurt.")
    assert ("person/andriy-sadovyi", "mayor", "place/lviv") in found


def test_repeated_mentions_give_one_membership_with_more_evidence(roles):
    found = roles("German Chancellor Olaf Scholz spoke first. Later, Chancellor Olaf Scholz left.")
    chancellor = [m for k, m in found.items() if k[1] == "chancellor"]
    assert len(chancellor) == 1 and len(chancellor[0].provenance) == 2


def test_membership_is_dated_by_its_post_or_document(nlp):
    from newsgraph.nlp import analyse_documents
    from newsgraph.relations import extract_relations
    from newsgraph.resolve import resolve_entities

    text = "Greek prime minister Kyriakos Mitsotakis spoke."
    posted = datetime(2024, 6, 1, 7, 15, tzinfo=timezone.utc)
    doc = Document(key="t", source="t", text=text, content_hash="sha256:" + "0" * 64,
                   segments=(Segment(0, len(text), post=1),), posts=(Post(1, 0, len(text), published=posted),),
                   published=PUBLISHED)
    analysed = list(analyse_documents([doc], nlp=nlp))
    [m] = extract_relations(analysed, resolve_entities(analysed))[0]
    assert m.date == posted and m.provenance[0].post == 1


@pytest.mark.parametrize(
    "text",
    [
        "The foreign minister said the talks were useful.",
        "A spokesman for the ministry declined to comment.",
        "Foreign ministers from ten countries gathered in Geneva.",
        "Voters went to the polls in the general election.",
    ],
)
def test_a_post_without_a_named_holder_gives_nothing(roles, text):
    assert roles(text) == {}


def test_a_spokesman_who_speaks_is_not_the_apposition_of_the_name_before(roles):
    found = roles("Nobody met Ali Hassan, a spokesman said.")
    assert not any(k[0] == "person/ali-hassan" for k in found)


def test_a_post_that_owns_something_is_not_the_apposition_s_post(roles):
    assert not any(k[0] == "person/hunter-biden" for k in roles("Hunter Biden, the president's son, was pardoned."))

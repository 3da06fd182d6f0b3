"""Event patterns on sentences written for these tests, through the real model and resolver."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest



pytestmark = pytest.mark.slow

PUBLISHED = datetime(2024, 3, 7, 12, 0, tzinfo=timezone.utc)


def test_subject_verb_object_with_place_and_time(events):
    found = events("Spanish Prime Minister Pedro Sanchez met Moroccan Prime Minister Aziz Akhannouch in Rabat.")
    e = found[("CONSULT", "person/pedro-sanchez", "person/aziz-akhannouch")]
    assert e.place == "place/rabat" and e.modality == "asserted"
    assert e.time is None and e.reported == PUBLISHED  # the text states no time: only when it was reported
    assert e.provenance[0].extractor == "events.svo.v1"


def test_coordinated_objects_give_one_event_each(events):
    found = events("Germany accused Russia and Belarus of sabotage.")
    assert {k for k in found if k[0] == "ACCUSE"} == {("ACCUSE", "state/DEU", "state/RUS"),
                                                    ("ACCUSE", "state/DEU", "state/BLR")}


def test_a_participle_takes_the_subject_of_its_clause(events):
    found = events("It came as Indian foreign minister Subrahmanyam Jaishankar travelled to Moscow, "
                   "meeting Russian foreign minister Sergei Lavrov.")
    assert ("CONSULT", "person/subrahmanyam-jaishankar", "person/sergei-lavrov") in found


def test_coordinated_subjects_of_a_reciprocal_verb_meet_each_other(events):
    found = events("Egypt and Jordan signed a water agreement on Sunday.")
    assert ("COOPERATE", "state/EGY", "state/JOR") in found


def test_prepositional_targets(events):
    found = events("Chile called on Peru to reopen the border. Mexico cut off relations with Ecuador.")
    assert ("REQUEST", "state/CHL", "state/PER") in found
    assert ("SANCTION", "state/MEX", "state/ECU") in found


def test_passive_takes_its_agent_from_the_by_phrase(events):
    found = events("Pro-democracy activist Joshua Wong was arrested by Chinese police on Friday.")
    e = found[("COERCE", "state/CHN", "person/joshua-wong")]
    assert e.provenance[0].extractor == "events.passive.v1"


def test_nominal_event_with_possessive_agent(events):
    found = events("Iraq's invasion of Kuwait led to a war.")
    assert found[("ASSAULT", "state/IRQ", "state/KWT")].provenance[0].extractor == "events.nominal.v1"


def test_nominal_event_carried_by_a_light_verb(events):
    found = events("Azerbaijan launched an offensive against Armenia in September.")
    assert ("ASSAULT", "state/AZE", "state/ARM") in found


def test_nominal_event_in_a_framing_phrase_takes_the_clause_subject(events):
    found = events("After talks with Chinese President Xi Jinping, Brazilian President Lula da Silva flew home.")
    assert ("CONSULT", "person/lula-da-silva", "person/xi-jinping") in found


def test_a_demonym_on_the_subject_noun_is_the_agent(events):
    found = events("Israeli jets attacked Syria on Monday.")
    assert ("ASSAULT", "state/ISR", "state/SYR") in found


def test_a_capital_stands_for_its_state(events):
    found = events("Russia and the United States traded blame. Moscow accused Washington of provoking the crisis.")
    assert ("ACCUSE", "state/RUS", "state/USA") in found


def test_object_of_aid_goes_to_the_recipient(events):
    found = events("Germany has sent tanks to Ukraine.")
    assert ("AID", "state/DEU", "state/UKR") in found


def test_sending_troops_is_mobilisation_not_aid(events):
    found = events("France sent troops to Estonia last year.")
    assert ("MOBILIZE", "state/FRA", "state/EST") in found
    assert ("AID", "state/FRA", "state/EST") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Italian Prime Minister Giorgia Meloni did not meet Tunisian President Kais Saied.",
        "Italian Prime Minister Giorgia Meloni never met Tunisian President Kais Saied.",
        "Italian Prime Minister Giorgia Meloni denied meeting Tunisian President Kais Saied.",
        "Italian Prime Minister Giorgia Meloni refused to meet Tunisian President Kais Saied.",
    ],
)
def test_negated_meetings_give_no_event(events, text):
    assert not any(k[0] == "CONSULT" for k in events(text))


@pytest.mark.parametrize(
    "text",
    [
        "Italian Prime Minister Giorgia Meloni is expected to meet Tunisian President Kais Saied.",
        "Italian Prime Minister Giorgia Meloni may meet Tunisian President Kais Saied.",
        "If Italian Prime Minister Giorgia Meloni meets Tunisian President Kais Saied, talks may resume.",
        "Russia could strike Kyiv again, Ukraine warned.",
        "Venezuela threatened to invade Guyana.",
    ],
)
def test_guessed_and_conditional_events_are_not_emitted(events, text):
    assert not any(k[0] in {"CONSULT", "ASSAULT"} for k in events(text))


@pytest.mark.parametrize(
    "text",
    [
        "Italian Prime Minister Giorgia Meloni will meet Tunisian President Kais Saied.",
        "Italy to host Tunisia for talks.",
    ],
)
def test_announced_plans_are_emitted_as_hypothetical(events, text):
    found = [e for k, e in events(text).items() if k[0] == "CONSULT"]
    assert found and all(e.modality == "hypothetical" for e in found)


def test_a_title_without_a_name_is_no_agent(events):
    assert events("The foreign minister met reporters in Vienna.") == {}


def test_agent_and_target_must_differ(events):
    assert not any(k[1] == k[2] for k in events("Russia attacked Russia's own border town. Russia met Russia."))


def test_the_same_event_in_two_sentences_is_one_event_with_two_pieces_of_evidence(events):
    found = events("Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed on Monday. "
                   "William Ruto met Abiy Ahmed again in the evening.")
    [e] = [e for k, e in found.items() if k[0] == "CONSULT"]
    assert len(e.provenance) == 2


def test_leaving_without_meeting_is_no_meeting(events):
    found = events("Indian Prime Minister Narendra Modi left Kazan without meeting Chinese President Xi Jinping.")
    assert not any(k[0] == "CONSULT" for k in found)


def test_a_hyphenated_backer_supports_the_name_it_describes(events):
    assert ("SUPPORT", "state/IRN", "org/hezbollah") in events("The Iran-backed Hezbollah fired rockets.")


def test_the_owner_of_a_condemned_act_is_the_target(events):
    found = events("Germany condemned Russia's annexation of the regions. Egypt criticised the Israeli strikes.")
    assert ("ACCUSE", "state/DEU", "state/RUS") in found
    assert ("ACCUSE", "state/EGY", "state/ISR") in found


def test_a_measure_of_troops_is_still_troops(events):
    assert ("MOBILIZE", "state/PRK", "state/RUS") in events("North Korea has sent thousands of troops to Russia.")


def test_a_reciprocal_clash_runs_both_ways_but_a_meeting_is_one_event(events):
    clash = events("India and Pakistan exchanged fire along the border.")
    assert {("ASSAULT", "state/IND", "state/PAK"), ("ASSAULT", "state/PAK", "state/IND")} <= set(clash)
    talks = events("Japan and South Korea cooperated on maritime security.")  # "agreed to ..." is AGREE
    assert [k for k in talks if k[0] == "COOPERATE"] == [("COOPERATE", "state/JPN", "state/KOR")]


def test_speaking_to_reporters_is_no_meeting_between_the_speakers(events):
    assert events("Canada and Mexico spoke to reporters after the vote.") == {}


def test_talks_between_two_leaders_are_a_consultation_between_them(events):
    found = events("The deal follows talks between Canadian Prime Minister Justin Trudeau and Mexican President "
                   "Claudia Sheinbaum last month. Talks between India and China resumed.")
    assert ("CONSULT", "person/justin-trudeau", "person/claudia-sheinbaum") in found
    assert ("CONSULT", "state/IND", "state/CHN") in found


def test_a_post_named_alone_stands_for_the_one_person_the_text_says_holds_it(events):
    found = events("Nato chief Tomas Berger arrived in Oslo on Monday. "
                   "Norway's prime minister met the Nato chief on Tuesday.")
    assert ("CONSULT", "state/NOR", "person/tomas-berger") in found

"""General patterns of English news that the event rules read, with the near misses they must not read.

Sentences written for these tests, through the real model, resolver and relation rules."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_a_fine_by_a_regulator_is_a_sanction_even_when_the_model_mislemmatises_fined(events):
    assert ("SANCTION", "org/competition-commission", "org/google") in events(
        "The Competition Commission fined Google 10 million euros.")


def test_barring_someone_from_entering_is_a_sanction_for_each_coordinated_subject(events):
    found = events("Estonia and Latvia barred Viktor Orban from entering their territory.")
    assert {("SANCTION", "state/EST", "person/viktor-orban"), ("SANCTION", "state/LVA", "person/viktor-orban")} <= set(found)


def test_a_hypothetical_fine_gives_nothing(events):
    assert not events("The Competition Commission could fine Google next year.")


def test_a_demonym_on_a_proxy_object_is_the_target(events):
    assert ("ASSAULT", "state/COL", "org/hamas") in events("Colombian jets have bombed Hamas targets near the border.")


def test_coordinated_demonyms_on_a_proxy_noun_are_each_an_actor(events):
    found = events("A Sudanese delegation met Egyptian and Saudi mediators in Jeddah.")
    assert {("CONSULT", "state/SDN", "state/EGY"), ("CONSULT", "state/SDN", "state/SAU")} <= set(found)


def test_a_proxy_noun_with_an_of_phrase_stands_for_its_state(events):
    assert ("ACCUSE", "state/MLI", "state/DZA") in events("The delegation of Mali accused Algeria of arming rebels.")


def test_a_coordinated_preposition_gives_a_second_target(events):
    found = events("Tanzania's foreign minister Januari Makamba spoke overnight with Antony Blinken "
                   "and with Kenyan President William Ruto.")
    assert {("CONSULT", "person/januari-makamba", "person/antony-blinken"),
            ("CONSULT", "person/januari-makamba", "person/william-ruto")} <= set(found)


def test_a_coordinated_passive_takes_the_shared_subject_as_patient(events):
    found = events("Peru's defence minister Walter Astudillo travelled to Quito and was received by Daniel Noboa.")
    assert found[("CONSULT", "person/daniel-noboa", "person/walter-astudillo")].provenance[0].extractor \
        == "events.passive.v1"


def test_a_light_verb_carries_the_target_phrase_of_its_event_noun(events):
    assert ("MOBILIZE", "state/PER", "state/CHL") in events("Peru staged naval drills near Chile on Friday.")


def test_a_finite_conjunct_takes_no_modal_from_its_neighbour(events):
    found = events("Microsoft said it would appeal and accused the European Commission of bias.")
    assert found[("ACCUSE", "org/microsoft", "org/european-commission")].modality == "asserted"


def test_a_bare_conjunct_shares_its_neighbours_future(events):
    found = events("Microsoft will appeal and criticise the European Commission.")
    assert found[("ACCUSE", "org/microsoft", "org/european-commission")].modality == "hypothetical"


def test_a_conditional_reaches_both_conjuncts(events):
    assert not events("If Russia attacked Kyiv and killed Volodymyr Zelensky, Nato would respond.")

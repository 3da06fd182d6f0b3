"""Rebuttals that answer an earlier act (events.response.v1), on sentences written for these tests."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_rejecting_the_charge_answers_the_accusation_of_the_previous_sentence(events):
    found = events("Chile accused Bolivia of arming the rebels. Bolivia rejected the charge.")
    e = found[("REJECT", "state/BOL", "state/CHL")]
    assert e.provenance[0].extractor == "events.response.v1" and e.modality == "asserted"


def test_denying_a_clause_answers_the_latest_blame_and_a_capital_stands_for_its_state(events):
    found = events("Argentine officials blamed Chile for the attack. Santiago denied sending weapons to the rebels.")
    assert ("REJECT", "state/CHL", "state/ARG") in found


def test_a_claim_with_a_named_source_is_rejected_without_looking_back(events):
    found = events("Ghana denied accusations from Togo that it had armed the rebels.")
    assert ("REJECT", "state/GHA", "state/TGO") in found


def test_a_denial_in_a_relative_clause_answers_the_accusation_of_its_sentence(events):
    found = events("Interpol accused Luis Arce of fraud, allegations that Arce denies.")
    assert ("REJECT", "person/luis-arce", "org/interpol") in found
    assert not [k for k in events("Interpol accused Luis Arce of fraud, allegations that Arce does not deny.")
                if k[0] == "REJECT"]


def test_a_negated_rebuttal_gives_nothing(events):
    found = events("Chile accused Bolivia of arming the rebels. Bolivia did not deny the charge.")
    assert not [k for k in found if k[0] == "REJECT"]


def test_a_rebuttal_by_someone_not_accused_gives_nothing(events):
    found = events("Chile accused Bolivia of arming the rebels. Peru rejected the charge.")
    assert not [k for k in found if k[0] == "REJECT"]


def test_a_denial_with_nothing_to_answer_gives_nothing(events):
    assert not events("Bolivia denied sending weapons to the rebels.")


def test_a_rebuttal_answers_only_the_acts_it_can_answer(events):
    # A ruling answers a penalty, not an accusation.
    found = events("Chile accused Bolivia of arming the rebels. Bolivia rejected the ruling.")
    assert not [k for k in found if k[0] == "REJECT"]

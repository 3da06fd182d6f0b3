"""ASSAULT targets reached through what the target owns: the weapons it launched
("shot down drones launched by X") and the places it holds ("the X-held port").
Sentences written for these tests, through the real model and resolver."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

pytestmark = pytest.mark.slow

PUBLISHED = datetime(2024, 9, 3, 8, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def assaults(relate):
    """text -> {(agent, target)} of the ASSAULT events found with a target (the subject of these tests;
    an attack whose target is unnamed is an agent-only event, tested in test_events_rules.py)."""
    return lambda text: {(e.agent, e.target) for e in relate(text, PUBLISHED)[1]
                         if e.type == "ASSAULT" and e.target is not None}


def test_a_shoot_down_targets_whoever_launched_the_weapons(assaults):
    found = assaults("Polish air defences shot down three drones launched by Belarus.")
    assert found == {("state/POL", "state/BLR")}


def test_a_count_of_weapons_stands_for_the_weapons(assaults):
    found = assaults("Romanian air defences shot down 12 of the 30 missiles fired by Russia overnight.")
    assert found == {("state/ROU", "state/RUS")}


def test_weapons_without_a_launcher_give_no_target(assaults):
    assert assaults("Polish air defences shot down 12 of the 30 drones on Tuesday.") == set()


def test_the_agent_of_a_non_military_participle_does_not_own_the_weapons(assaults):
    # Supplying is not launching: the supplier is no target of the shoot-down.
    assert assaults("Latvia shot down drones supplied by Iran.") == set()


def test_a_place_attacked_by_someone_does_not_stand_for_its_attacker(assaults):
    assert ("state/TUR", "state/GRC") not in assaults("Turkey hit the port attacked by Greece last week.")


def test_a_hyphenated_holder_stands_for_the_place_it_holds(assaults):
    found = assaults("Ukrainian jets struck the Russian-held town of Oleshky on Friday.")
    assert found == {("state/UKR", "state/RUS")}


def test_a_hyphenated_holder_that_is_an_organisation(assaults):
    found = assaults("Israeli jets struck the Hezbollah-controlled port of Tyre.")
    assert found == {("state/ISR", "org/hezbollah")}


def test_a_hyphenated_participle_that_is_no_holding_verb_gives_no_target(assaults):
    # "-built" says who made the port, not who holds it (the port's own state may still be its ground).
    assert ("state/UKR", "state/RUS") not in assaults("Ukrainian jets struck the Russian-built port of Oleshky.")

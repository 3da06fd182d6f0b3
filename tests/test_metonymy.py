"""Capitals that stand for their state, end to end with the real model."""
from __future__ import annotations

import pytest

from newsgraph.ingest import read_text_document
from newsgraph.pipeline import extract
from newsgraph.types import EntityType

pytestmark = pytest.mark.slow


def run(text: str):
    return extract([read_text_document(text.encode(), "t.txt")])


def test_a_capital_acting_as_a_government_brings_its_state_into_the_graph():
    result = run("Moscow accused Kyiv of shelling a border town on Sunday, the ministry said.\n")
    states = {e.key: e for e in result.resolution.entities if e.type is EntityType.STATE}
    # (the shelling itself is read too, as an act of Ukraine's with no named target)
    assert ("ACCUSE", "state/RUS", "state/UKR") in [(ev.type, ev.agent, ev.target) for ev in result.events]
    assert states["state/RUS"].aliases == ("Moscow",) and states["state/UKR"].iso2 == "UA"


def test_a_capital_that_only_locates_something_adds_no_state():
    result = run("Hundreds of people marched through Nairobi on Sunday to mourn the singer.\n")
    types = {e.name: e.type for e in result.resolution.entities}
    assert types == {"Nairobi": EntityType.PLACE}

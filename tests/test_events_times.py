"""Stated event times through the real model: invented sentences, published on Thursday 7 March 2024."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

pytestmark = pytest.mark.slow

PUBLISHED = datetime(2024, 3, 7, 12, 0, tzinfo=timezone.utc)
MEETING = ("CONSULT", "person/pedro-sanchez", "person/aziz-akhannouch")


@pytest.mark.parametrize("when, expected, precision", [
    ("on Tuesday", date(2024, 3, 5), "day"),
    ("yesterday", date(2024, 3, 6), "day"),
    ("in February", date(2024, 2, 1), "month"),
    ("last year", date(2023, 1, 1), "year"),
])
def test_a_stated_past_time_is_resolved_against_the_publication_date(events, when, expected, precision):
    found = events("Spanish Prime Minister Pedro Sanchez met Moroccan Prime Minister Aziz Akhannouch "
                   f"in Rabat {when}.")
    e = found[MEETING]
    assert (e.time, e.time_precision, e.reported) == (expected, precision, PUBLISHED)


def test_a_planned_meeting_on_a_weekday_is_the_next_one(events):
    found = events("Spanish Prime Minister Pedro Sanchez will meet Moroccan Prime Minister Aziz Akhannouch "
                   "in Rabat on Friday.")
    e = found[MEETING]
    assert (e.time, e.modality) == (date(2024, 3, 8), "hypothetical")


def test_the_time_of_the_saying_does_not_date_the_reported_act(events):
    found = events("Spain said on Tuesday that Morocco had expelled two Spanish diplomats.")
    assert found and all(e.time is None for e in found.values() if e.agent == "state/MAR")

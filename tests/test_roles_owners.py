"""Posts whose organisation comes from around the phrase: a possessive anaphor
("the group's chief negotiator"), a company's C-suite title, "whose chief
executive is X", a copula with the post as subject, and a leader's "his
prime minister". Sentences written for these tests, through the real model."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

pytestmark = pytest.mark.slow

PUBLISHED = datetime(2024, 6, 11, 10, 0, tzinfo=timezone.utc)


def test_the_groups_post_belongs_to_the_organisation_named_before(roles):
    found = roles("Hezbollah rejected the proposal. The group's chief negotiator, Nabil Qassem, said talks were over.")
    assert ("person/nabil-qassem", "chief negotiator", "org/hezbollah") in found


def test_the_group_is_not_an_organisation_named_long_before(roles):
    text = ("Hezbollah rejected the proposal. Talks stalled. Rain fell on the city. Markets were quiet. "
            "Shops closed early. The group's chief negotiator, Nabil Qassem, said talks were over.")
    assert ("person/nabil-qassem", "chief negotiator", None) in roles(text)


def test_a_chief_officer_of_a_company(roles):
    found = roles("Siemens's chief financial officer, Ralf Thomas, resigned on Monday.")
    assert ("person/ralf-thomas", "chief financial officer", "org/siemens") in found


def test_whose_post_is_the_organisation_of_the_relative_clause(roles):
    found = roles("The Financial Conduct Authority, whose chief executive is Nikhil Rathi, opened an inquiry.")
    m = found[("person/nikhil-rathi", "chief executive", "org/financial-conduct-authority")]
    assert m.provenance[0].extractor == "roles.copula.v1" and not m.former


def test_a_post_as_subject_of_the_copula(roles):
    found = roles("Siemens's chief executive is Roland Busch.")
    assert ("person/roland-busch", "chief executive", "org/siemens") in found


def test_a_copula_with_a_post_as_subject_and_no_name_gives_nothing(roles):
    assert roles("Siemens's chief executive is a former engineer.") == {}


def test_a_leaders_his_gives_the_leaders_state(roles):
    found = roles("Kenyan President William Ruto skipped the summit and sent his prime minister, "
                  "Musalia Mudavadi, instead.")
    assert ("person/musalia-mudavadi", "prime minister", "state/KEN") in found


def test_his_without_a_known_leader_gives_no_state(roles):
    found = roles("William Ruto skipped the summit and sent his prime minister, Musalia Mudavadi, instead.")
    assert ("person/musalia-mudavadi", "prime minister", None) in found


def test_his_non_government_post_takes_no_state(roles):
    found = roles("Kenyan President William Ruto skipped the summit and sent his chief of staff, Felix Koskei, instead.")
    assert ("person/felix-koskei", "chief of staff", None) in found

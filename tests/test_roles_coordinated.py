"""Two posts coordinated before one name (roles.coordinated.v1), on sentences written for these tests."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_coordinated_posts_share_the_possessive_organisation_and_the_holder(roles):
    found = roles("Oman's prime minister and foreign minister, Badr Albusaidi, arrived.")
    assert ("person/badr-albusaidi", "foreign minister", "state/OMN") in found
    assert found[("person/badr-albusaidi", "prime minister", "state/OMN")].provenance[0].extractor \
        == "roles.coordinated.v1"


def test_two_named_holders_keep_their_own_posts(roles):
    found = roles("President William Ruto and foreign minister Musalia Mudavadi arrived.")
    assert {k[:2] for k in found} == {("person/william-ruto", "president"), ("person/musalia-mudavadi", "foreign minister")}


def test_a_second_post_with_its_own_determiner_does_not_share(roles):
    found = roles("Kenya's president and the foreign minister, Musalia Mudavadi, arrived.")
    assert ("person/musalia-mudavadi", "foreign minister", None) in found
    assert not [k for k in found if k[1] == "president"]

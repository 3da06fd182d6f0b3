"""Capitals that stand for their state ("Moscow accused Kyiv of ...").

A capital that the syntax makes its government's ("Moscow said", "Kyiv's
allies", "urged Beijing to") is resolved as a mention of its state from the
start (``classify``), so it counts wherever mentions count. Elsewhere
resolution types a capital as the Place it is; when a relation still needs
the government it stands for, the state comes from the gazetteer: these
entities are offered to the relation stage, and the ones a relation really
uses are added to the resolution afterwards, with the capital as an alias.
A capital that only locates something ("talks in Moscow") adds no state.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..lexicon import Lexicon, load_lexicon
from ..types import Entity, EntityType, Event, Membership, Resolution


def capital_states(resolution: Resolution, lexicon: Lexicon | None = None) -> dict[str, Entity]:
    """The state of every capital among the resolved places, keyed by entity key."""
    lexicon = lexicon or load_lexicon()
    out: dict[str, Entity] = {}
    for e in resolution.entities:
        if e.type is not EntityType.PLACE:
            continue
        hit = lexicon.lookup(e.name)
        entry = lexicon.states.get(hit.id) if hit is not None and hit.kind == "capital" else None
        if entry is None or not entry.sovereign:
            continue
        previous = out.get(f"state/{entry.iso3}")
        state = _state_entity(entry, sorted({e.name, *(previous.aliases if previous else ())}))
        out[state.key] = state
    return out


def _state_entity(entry, aliases=()) -> Entity:
    return Entity(f"state/{entry.iso3}", EntityType.STATE, entry.name, tuple(aliases), entry.iso3, entry.iso2)


def city_states(resolution: Resolution, lexicon: Lexicon | None = None) -> tuple[dict[str, Entity], dict[str, str]]:
    """The state each resolved city (not a capital) lies in: (state entities by key, place key -> state key).

    A city does not stand for its government ("Kharkiv said" means nothing), so its name is no alias
    of the state; the state is only offered for acts of force done in the city (see cities.py)."""
    from .cities import city_country

    lexicon = lexicon or load_lexicon()
    by_iso2 = {entry.iso2: entry for entry in lexicon.states.values() if entry.sovereign}
    entities: dict[str, Entity] = {}
    located: dict[str, str] = {}
    for e in resolution.entities:
        if e.type is not EntityType.PLACE:
            continue
        hit = lexicon.lookup(e.name)
        if hit is not None and hit.kind in {"capital", "state", "demonym"}:
            continue
        # the project's own city list first (ontology/cities.csv), then GeoNames for the rest
        city = lexicon.cities.get(hit.id) if hit is not None and hit.kind == "city" else None
        if city is not None:
            entry = lexicon.states.get(city.iso3)
        else:
            entry = by_iso2.get(city_country(e.name) or "")
        if entry is not None and not entry.sovereign:
            entry = None
        if entry is None:
            continue
        state = _state_entity(entry)
        entities[state.key] = state
        located[e.key] = state.key
    return entities, located


def offered_states(resolution: Resolution, lexicon: Lexicon | None = None) -> tuple[dict[str, Entity], dict[str, str]]:
    """States the relation stage may use though the text need not name them: capitals' and cities'
    (with, for cities, place key -> state key). Only those a relation uses join the resolution."""
    cities, located = city_states(resolution, lexicon)
    return {**cities, **capital_states(resolution, lexicon)}, located


def add_referenced_states(
    resolution: Resolution, memberships: Iterable[Membership], events: Iterable[Event]
) -> Resolution:
    """The resolution plus the capital-derived states that relations refer to."""
    known = {e.key for e in resolution.entities}
    used = {m.organisation for m in memberships} | {k for ev in events for k in (ev.agent, ev.target)}
    extra = [e for key, e in offered_states(resolution)[0].items() if key in used and key not in known]
    if not extra:
        return resolution
    entities = tuple(sorted((*resolution.entities, *extra), key=lambda e: e.key))
    return Resolution(entities, resolution.mentions)

"""The entity index: one document's entities matched to the entities a store already holds.

Resolution clusters the mentions of one document (``resolve_entities``);
this module then maps each of that document's entities to the node the
store already has for it, so "Blinken" in tomorrow's article is the node
"Antony Blinken" from today's, and an entity is named once: its key (and
so its IRI) is minted from the first form that introduced it and never
renamed. A better name seen later only changes the derived
``skos:prefLabel`` (see ``store/documents.py``).

Candidates are found through lookup keys (``lookup_keys``) the store
keeps for every entity in its entities graph: a person by surname, an
organisation or a place by each of its names, normalised. A candidate is
taken when it is the only one compatible with the document's entity:

* a person: every full name (two tokens or more) of the candidate and the
  document's name agree, one being the other with tokens left out, and the
  surnames are the same ("Blinken", "Antony Blinken", "Antony John Blinken");
  "Hunter Biden" is never "Joe Biden";
* an organisation or a place: one of its names equals one of the candidate's;
* a state: its ISO key, nothing else.

An entity whose own key already names a node of the store is that node.
The rules need the names only, so they are tested without a model or a
store (``match_or_merge``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from anyascii import anyascii

from ..types import Entity, EntityType, Resolution, ResolvedMention

_WORD = re.compile(r"[a-z0-9]+")


def name_tokens(name: str) -> tuple[str, ...]:
    """Lower-case ASCII word tokens of a name, a possessive dropped ("Scholz's" -> scholz)."""
    text = anyascii(name).lower().replace("'s", "").replace("\u2019s", "")
    return tuple(_WORD.findall(text))


@lru_cache(maxsize=65536)
def person_tokens(name: str) -> tuple[str, ...]:
    """A person's name tokens without the titles in front ("Mr Blinken" -> blinken)."""
    from .classify import strip_titles

    return name_tokens(strip_titles(name))


def lookup_keys(entity_type: EntityType, names: Iterable[str]) -> set[str]:
    """The keys an entity of this type is found by: surnames of persons, every name of the others."""
    keys: set[str] = set()
    for name in names:
        tokens = person_tokens(name) if entity_type is EntityType.PERSON else name_tokens(name)
        if not tokens:
            continue
        if entity_type is EntityType.PERSON:
            keys.add(f"person:{tokens[-1]}")
        elif entity_type is not EntityType.STATE:
            keys.add(f"{entity_type.slug}:{' '.join(tokens)}")
    return keys


def _subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    it = iter(long)
    return all(token in it for token in short)


def same_person(a: str, b: str) -> bool:
    """Two names of one person: same surname, and the shorter is the longer with tokens left out."""
    ta, tb = person_tokens(a), person_tokens(b)
    if not ta or not tb or ta[-1] != tb[-1]:
        return False
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return _subsequence(short, long)


@dataclass(frozen=True)
class Known:
    """An entity the store holds: its key and every name the documents give it."""

    key: str
    type: EntityType
    names: frozenset[str]


def match_or_merge(entity: Entity, candidates: Iterable[Known]) -> tuple[str | None, tuple[str, ...]]:
    """(key, retired keys): the known entity ``entity`` is (None for a new one), and the other
    known entities the document shows to be the same one, to be merged into it.

    The document names one entity by names several known entities were known by: an
    organisation by the name of one and the name of another, a person by a full name every
    known full name agrees with. A person known by a surname alone is matched, never merged:
    a lone "Biden" may have been kept apart because two Bidens were known.
    """
    candidates = [c for c in candidates if c.type is entity.type]
    if entity.type is EntityType.STATE:
        return (entity.key if any(c.key == entity.key for c in candidates) else None), ()
    exact = any(c.key == entity.key for c in candidates)
    fitting = _fitting(entity, [c for c in candidates if c.key != entity.key])
    if entity.type is EntityType.PERSON:
        if not any(len(person_tokens(n)) >= 2 for n in (entity.name, *entity.aliases)):
            # a surname alone: the one entity it fits, never a merge
            keys = sorted({c.key for c in fitting})
            return (entity.key, ()) if exact else ((keys[0], ()) if len(keys) == 1 else (None, ()))
        full = [c for c in fitting if any(len(person_tokens(n)) >= 2 for n in c.names)]
        names = [n for c in full for n in c.names if len(person_tokens(n)) >= 2]
        agree = all(same_person(a, b) for a in names for b in names)
        if exact:
            return entity.key, tuple(sorted(c.key for c in full)) if agree else ()
        if len(fitting) > 1 and (not agree or len(full) < len(fitting)):
            return None, ()
    keys = sorted({c.key for c in fitting})
    if exact:
        return entity.key, tuple(keys)
    return (keys[0], tuple(keys[1:])) if keys else (None, ())


def _fitting(entity: Entity, candidates: list[Known]) -> list[Known]:
    own = {entity.name, *entity.aliases}
    if entity.type is EntityType.PERSON:
        full = [n for n in own if len(person_tokens(n)) >= 2]
        fitting = [
            c for c in candidates
            if any(same_person(a, b) for a in own for b in c.names)
            and all(same_person(a, b) for a in full for b in c.names if len(person_tokens(b)) >= 2)
        ]
    else:
        mine = lookup_keys(entity.type, own)
        fitting = [c for c in candidates if mine & lookup_keys(c.type, c.names)]
    return fitting


def apply_matches(resolution: Resolution, matches: Mapping[str, str]) -> Resolution:
    """The document's resolution with its entity keys replaced by the store's.

    Two entities of the document that turn out to be one known entity become
    one record: the first one's name, every other name as an alias.
    """
    if not any(k != v for k, v in matches.items()):
        return resolution
    merged: dict[str, Entity] = {}
    for e in resolution.entities:
        key = matches.get(e.key, e.key)
        if key not in merged:
            merged[key] = replace(e, key=key)
            continue
        first = merged[key]
        names = [*first.aliases, e.name, *e.aliases]
        aliases = tuple(dict.fromkeys(n for n in names if n != first.name))
        merged[key] = replace(first, aliases=aliases, iso3=first.iso3 or e.iso3, iso2=first.iso2 or e.iso2)
    mentions = tuple(
        rm if matches.get(rm.entity, rm.entity) == rm.entity else ResolvedMention(rm.document, rm.mention,
                                                                                   matches[rm.entity])
        for rm in resolution.mentions
    )
    return Resolution(tuple(merged.values()), mentions)


_TYPES = {t.slug: t for t in EntityType}


def type_of_key(key: str) -> EntityType | None:
    return _TYPES.get(key.partition("/")[0])

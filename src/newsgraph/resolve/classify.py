"""Decide what a single mention names, before mentions are clustered.

The small statistical model mistypes news names in ways that have simple,
general tells; each rule here is one of them:

- a gazetteer hit (state, demonym, capital or other city, international
  organisation) is trusted over the NER label: "Kyiv" tagged PERSON and
  "Dnipro" tagged ORG are places;
- a capital as the subject, possessor or addressee of what is said or done
  ("Moscow said", "urged Kyiv to") is a mention of its state;
- a PERSON span loses its courtesy title or post ("Mr", "President",
  "Naval Colonel"); the name is what remains;
- a PERSON right after a locative preposition ("in Gdansk"), or listed
  with cities ("Lviv, Odesa and Sumy"), is a place;
- an ORG that reads like a name and is followed by a post ("X, chairperson
  of ...") or steps down "as chairman" is a person, and so is the name at
  the end of an ORG span after a post ("UN Ambassador Li Wen");
- a one-word span opening its sentence that the tagger reads as a common
  noun ("Wildfires fanned by ...") names nothing;
- NORP spans that are not demonyms of a state ("Western", "Shiite") name no
  actor and are dropped; so are spans with no capital letter or with digits.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import Hit, Lexicon, clean_surface, is_acronym, person_titles, portfolio_words, post_heads, slugify
from ..types import EntityType, Mention, Sentence, Token
from .evidence import (described_as_organisation, described_as_organisation_in_apposition, name_after_post,
                       stands_for_government)

LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "over", "around", "towards", "toward"})
#: Nouns after a name that make the name a place named after someone ("Ben Gurion airport").
FACILITY_NOUNS = frozenset({"airport", "airbase", "university", "hospital", "stadium", "bridge", "street",
                            "avenue", "square", "station", "dam", "highway", "boulevard", "palace", "mosque",
                            "cathedral", "museum", "prison", "crossing", "checkpoint", "base", "road"})
#: Nouns that make "the X of Name" a place ("the island of Capri", "the city of Lviv").
PLACE_NOUNS = frozenset({"city", "town", "village", "island", "islands", "region", "province", "district",
                         "port", "capital", "county", "state", "oblast", "area", "suburb", "outskirts"})


@dataclass(frozen=True)
class Candidate:
    """A mention with a provisional type and name.

    ``fixed`` is the entity key when the gazetteer decides it
    (``state/UKR``, ``org/nato``, ``place/kyiv``); ``name`` is the surface
    without title, "the" or possessive; ``surface`` is the alias to keep.
    """

    document: str
    mention: Mention
    type: EntityType
    name: str
    surface: str
    fixed: str | None = None
    capital_of: str | None = None  # ISO3 when the place is a capital


@lru_cache(maxsize=1)
def _titles_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Title phrases as token tuples, by their first word, longest first within each."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted((tuple(p.split()) for p in person_titles()), key=len, reverse=True):
        if phrase:
            found.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(phrases) for first, phrases in found.items()}


def strip_titles(name: str) -> str:
    """"Naval Colonel Wen Hao" -> "Wen Hao"; never strips the whole name."""
    tokens = name.split()
    by_first = _titles_by_first_word()
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        low = [t.casefold().rstrip(".") for t in tokens]
        for phrase in by_first.get(low[0], ()):
            n = len(phrase)
            if n < len(tokens) and tuple(low[:n]) == phrase:
                tokens = tokens[n:]
                changed = True
                break
    return " ".join(tokens)


_JUNK = re.compile(r"\d|[\n@#/\\]")


def classify(document: str, mention: Mention, sentence: Sentence | None, lexicon: Lexicon) -> Candidate | None:
    """The provisional reading of one mention, or None when it names no entity."""
    surface = clean_surface(mention.text)
    if len(surface) < 2 or _JUNK.search(surface) or not any(c.isupper() for c in surface):
        return None
    hit = Hit.parse(mention.hint) if mention.hint else lexicon.lookup(surface)
    if hit is None and _common_noun_opening(mention, sentence):  # "Wildfires fanned by winds ..."
        return None
    if hit is None and mention.label == "PERSON":
        hit = lexicon.lookup(strip_titles(surface))
    if hit is not None:
        return _from_hit(document, mention, sentence, surface, hit, lexicon)
    label = mention.label
    if label == "ORG" and (named := name_after_post(mention)) is not None:  # "UN Ambassador Li Wen"
        name = clean_surface(named.text)
        return Candidate(document, named, EntityType.PERSON, name, name)
    if label == "ORG" and _person_with_post(mention, sentence):
        label = "PERSON"
    if label in {"PERSON", "ORG"} and (
        (" " not in surface and (_named_as_place(mention, sentence) or _after_locative(mention, sentence)
                                 or _listed_with_cities(mention, sentence, lexicon)))
        or _names_a_facility(mention, sentence)
    ):
        return Candidate(document, mention, EntityType.PLACE, surface, surface, f"place/{slugify(surface)}")
    if label == "PERSON" and (_group_name(mention, sentence)  # "the Houthis"
                              or described_as_organisation(mention, sentence)  # "drugmaker Pharmo"
                              or described_as_organisation_in_apposition(mention, sentence)):
        label = "ORG"
    if label == "PERSON":
        name = strip_titles(surface)
        if " " not in name and _after_locative(mention, sentence):
            return Candidate(document, mention, EntityType.PLACE, name, surface, f"place/{slugify(name)}")
        return Candidate(document, mention, EntityType.PERSON, name, surface)
    if label == "ORG":
        return Candidate(document, mention, EntityType.ORGANISATION, surface, surface)
    if label in {"GPE", "LOC", "FAC"}:
        return Candidate(document, mention, EntityType.PLACE, surface, surface, f"place/{slugify(surface)}")
    return None  # NORP that is no demonym of a state


def _from_hit(document: str, mention: Mention, sentence: Sentence | None, surface: str, hit: Hit,
              lexicon: Lexicon) -> Candidate | None:
    if hit.kind in {"state", "demonym"}:
        entry = lexicon.states.get(hit.id)
        if entry is None:
            return None
        if not entry.sovereign:  # dependent territories are places
            return Candidate(document, mention, EntityType.PLACE, entry.name, surface, f"place/{slugify(entry.name)}")
        return Candidate(document, mention, EntityType.STATE, entry.name, surface, f"state/{entry.iso3}")
    if hit.kind == "capital":
        entry = lexicon.states.get(hit.id)
        if entry is not None and entry.sovereign and stands_for_government(mention, sentence):
            return Candidate(document, mention, EntityType.STATE, entry.name, surface, f"state/{entry.iso3}",
                             capital_of=hit.id)
        return Candidate(
            document, mention, EntityType.PLACE, surface, surface, f"place/{slugify(surface)}", capital_of=hit.id
        )
    if hit.kind == "city":
        city = lexicon.cities.get(hit.id)
        if city is None:
            return None
        return Candidate(document, mention, EntityType.PLACE, city.name, surface, f"place/{city.key}")
    if hit.kind == "org":
        entry = lexicon.orgs.get(hit.id)
        if entry is None:
            return None
        return Candidate(document, mention, EntityType.ORGANISATION, entry.name, surface, f"org/{entry.key}")
    return None


#: Nouns after a name that make it a region ("Quang Ninh province", "Kherson oblast");
#: "state" only in lower case ("Borno state", never "Islamic State").
REGION_NOUNS = frozenset({"province", "region", "district", "county", "oblast", "governorate", "prefecture",
                          "municipality", "state", "township"})


def _common_noun_opening(mention: Mention, sentence: Sentence | None) -> bool:
    """A one-word span opening its sentence that the tagger reads as a common noun
    ("Wildfires", "Protesters"): capitalised only because it comes first."""
    if sentence is None or not sentence.tokens:
        return False
    span = _span_tokens(mention, sentence)
    first = sentence.tokens[0]
    return len(span) == 1 and span[0].i == first.i and first.pos == "NOUN" and first.tag in {"NN", "NNS"}


def _names_a_facility(mention: Mention, sentence: Sentence | None) -> bool:
    """ "Ben Gurion airport", "Jinnah hospital", "Quang Ninh province": a name before a
    facility noun or (in lower case) a region noun is a place."""
    if sentence is None:
        return False
    after = [t for t in sentence.tokens if t.start >= mention.end]
    if not after:
        return False
    word = after[0].text
    return word.lower() in FACILITY_NOUNS or word in REGION_NOUNS or \
        word.lower() in REGION_NOUNS - {"state", "district"}  # "Islamic State", "District Court"


def _group_name(mention: Mention, sentence: Sentence | None) -> bool:
    """ "the Houthis", "the Kurds": a plural name after "the" is a group, not a person."""
    if sentence is None or " " in mention.text.strip() or not mention.text.rstrip("'’").endswith("s"):
        return False
    before = [t for t in sentence.tokens if t.end <= mention.start]
    return bool(before) and before[-1].text.lower() == "the"


def _after_locative(mention: Mention, sentence: Sentence | None) -> bool:
    if sentence is None:
        return False
    before = [t for t in sentence.tokens if t.end <= mention.start]
    return bool(before) and before[-1].text.casefold() in LOCATIVE


def _span_tokens(mention: Mention, sentence: Sentence) -> list[Token]:
    return [t for t in sentence.tokens if t.start >= mention.start and t.end <= mention.end]


def _root(tokens: list[Token]) -> Token | None:
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head not in ids or t.head == t.i), None)


def _listed_with_cities(mention: Mention, sentence: Sentence | None, lexicon: Lexicon) -> bool:
    """A lone name coordinated with places that are not states is a place too."""
    if sentence is None:
        return False
    root = _root(_span_tokens(mention, sentence))
    if root is None:
        return False
    near = _coordinated(root, sentence.tokens)
    for t in near:
        hit = lexicon.lookup(t.text)
        if (hit is not None and hit.kind in {"capital", "city"}) or (hit is None and t.ent_label in {"GPE", "LOC", "FAC"}):
            return True
    return False


def _named_as_place(mention: Mention, sentence: Sentence | None) -> bool:
    """ "the island of Capri": the object of "of" after a place noun."""
    if sentence is None:
        return False
    root = _root(_span_tokens(mention, sentence))
    if root is None or root.dep != "pobj":
        return False
    prep = sentence.tokens[root.head]
    return prep.text.lower() == "of" and sentence.tokens[prep.head].text.lower() in PLACE_NOUNS


def _coordinated(root: Token, tokens: tuple[Token, ...]) -> list[Token]:
    """Every token joined to ``root`` by a chain of conj arcs ("A, B, C and D")."""
    seen = {root.i}
    frontier = [root.i]
    while frontier:
        i = frontier.pop()
        linked = [t.i for t in tokens if t.dep == "conj" and t.head == i]
        if tokens[i].dep == "conj":
            linked.append(tokens[i].head)
        for j in linked:
            if j not in seen:
                seen.add(j)
                frontier.append(j)
    return [tokens[i] for i in sorted(seen - {root.i})]


def _person_with_post(mention: Mention, sentence: Sentence | None) -> bool:
    """An ORG span shaped like a personal name that the sentence gives a post."""
    if sentence is None:
        return False
    span = _span_tokens(mention, sentence)
    words = [t.text for t in span]
    if not 2 <= len(words) <= 4 or is_acronym(mention.text):
        return False
    posts, fields = post_heads(), portfolio_words()
    if any(not w[:1].isupper() or not w.replace("-", "").isalpha() or w.lower() in posts or w.lower() in fields
           for w in words):
        return False
    before = [t for t in sentence.tokens if t.end <= mention.start]
    if before and before[-1].text.lower() in posts:  # "army chief Jane Roe"
        return True
    after = [t for t in sentence.tokens if t.start >= mention.end]
    if after and after[0].text == "," and any(t.text.lower() in posts for t in after[1:5]):
        return True
    root = _root(span)
    if root is not None and root.dep in {"nsubj", "nsubjpass"}:
        for prep in (t for t in sentence.tokens if t.head == root.head and t.text.lower() == "as"):
            if any(t.head == prep.i and t.text.lower() in posts for t in sentence.tokens):
                return True
    return False

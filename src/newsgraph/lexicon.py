"""Gazetteers of states and international organisations, read from ``ontology/``.

``states.csv`` (``iso3,iso2,name,kind,aliases,demonyms,capitals``) and
``organisations.csv`` (``key,name,aliases,kind``) and ``cities.csv``
(``name,iso3,aliases``) are the single source of
these names: the entity ruler's patterns and the resolver's lookups both come
from here. Lookups are by *normalised* surface form (see ``normalise``), so
"the U.S.", "US" and "U.S.'s" meet in one key; all-caps acronyms are kept
case-sensitive so that the pronoun "us" never becomes the United States.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

from .resources import read_csv, read_text, split_list

_POSSESSIVE = re.compile(r"(?:'s|'|’s|’)$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


@lru_cache(maxsize=65536)  # names recur in and across documents; pure functions of the text
def clean_surface(text: str) -> str:
    """A surface form without quotes, leading "the", trailing possessive, extra spaces."""
    s = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"\s+", " ", s).strip().strip("\"'“”,;:()[]").strip()
    s = _POSSESSIVE.sub("", s).strip()
    s = _LEADING_THE.sub("", s)
    return s


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Match key of a surface form: cleaned, dots removed, case folded
    unless it is an all-caps acronym (so "US" and "us" stay apart)."""
    s = clean_surface(text).replace(".", "")
    s = re.sub(r"\s+", " ", s).strip()
    if is_acronym(s):
        return s
    return s.casefold()


def is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 1 < len(letters) <= 6 and all(c.isupper() for c in letters) and " " not in text.strip()


_BRACKETED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)")


def acronym_after(text: str, end: int) -> str | None:
    """The acronym a text gives in brackets at ``end``, right after a name: "Rapid Support Forces (RSF)"."""
    found = _BRACKETED_ACRONYM.match(text, end)
    return found.group(1) if found is not None and is_acronym(found.group(1)) else None


def _long_acronym(key: str) -> bool:
    return is_acronym(key) and sum(c.isalpha() for c in key) >= 4


def _non_latin(text: str) -> bool:
    """Whether any letter of ``text`` is outside the Latin script ("Путин", "Μητσοτάκης")."""
    return any(c.isalpha() and not c.isascii() and not unicodedata.name(c, "").startswith("LATIN") for c in text)


def _transliterate(text: str) -> str | None:
    """``text`` in ASCII letters by anyascii, or None when the library is missing."""
    try:
        from anyascii import anyascii
    except ImportError:  # pragma: no cover - anyascii is a dependency
        return None
    return anyascii(text)


def slugify(text: str, default: str = "x", max_len: int | None = None) -> str:
    """Readable IRI segment: ASCII, lower case, hyphens ("Ana Lima" -> "ana-lima").

    A name with letters outside the Latin script is transliterated first
    ("Владимир Путин" -> "vladimir-putin"), or else percent-encoded, so names
    in other scripts keep distinct IRIs instead of all becoming ``default``.
    Latin-script names slug exactly as they always have.
    """
    if _non_latin(text):
        latin = _transliterate(text)
        if latin is None:
            words = re.sub(r"[\W_]+", "-", unicodedata.normalize("NFC", text)).strip("-").casefold()
            return quote(words[:max_len] if max_len else words, safe="-") or default
        text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", latin)  # "XiJinPing" -> "Xi Jin Ping"
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-").lower()
    if max_len is not None:
        s = s[:max_len].rstrip("-")
    return s or default


#: Words an acronym skips ("Bank of England" -> BE, "Banque de France" -> BF).
MINOR_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "&", "de", "des", "du", "la", "le", "al"})


def initials(words: Iterable[str]) -> str:
    """The capital initials of a name's words, minor words skipped."""
    return "".join(w[0] for w in words if w and w[0].isupper() and w.casefold() not in MINOR_WORDS)


def name_initials(name: str) -> str:
    """The initials of a name whose words are parted by spaces or hyphens ("Rapid Support Forces": RSF)."""
    return initials(re.split(r"[\s\-]+", name))


#: Organisation kinds whose acronyms house styles write in title case
#: ("Nato", "Asean"); news agencies and NGOs are left exact, since their
#: title-cased acronyms are often given names ("Sana").
FOLDABLE_KINDS = frozenset({"intergovernmental", "un-agency", "eu-institution", "financial"})


@dataclass(frozen=True)
class StateEntry:
    iso3: str
    iso2: str
    name: str
    sovereign: bool
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class OrgEntry:
    key: str
    name: str
    aliases: tuple[str, ...]
    kind: str


@dataclass(frozen=True)
class CityEntry:
    key: str  # slug of the name: the Place's key is place/{key}
    name: str
    iso3: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    """What a normalised surface form names in the lexicon.

    ``kind`` is "state" (a name of the state), "demonym" (an adjective of it),
    "capital" (its capital, a Place that can stand for the state), "org", or
    "city" (another city: a Place that stands for nothing else).
    """

    kind: str
    id: str  # ISO alpha-3 for states, demonyms, capitals; key for orgs and cities

    @property
    def hint(self) -> str:
        return f"{self.kind}:{self.id}"

    @staticmethod
    def parse(hint: str) -> Hit:
        kind, _, ident = hint.partition(":")
        return Hit(kind, ident)


class Lexicon:
    """States and organisations with a lookup from surface forms."""

    def __init__(self, states: list[StateEntry], orgs: list[OrgEntry], cities: list[CityEntry] = ()) -> None:
        self.states = {s.iso3: s for s in states}
        self.orgs = {o.key: o for o in orgs}
        self.cities = {c.key: c for c in cities}
        self._index: dict[str, Hit] = {}
        # Later kinds never overwrite earlier ones: a state's own name wins
        # over an organisation's alias of the same spelling.
        for s in states:
            for form in (s.name, s.iso3 if s.sovereign else "", *s.aliases):
                self._add(form, Hit("state", s.iso3))
        for s in states:
            for form in s.demonyms:
                self._add(form, Hit("demonym", s.iso3))
            for form in s.capitals:
                self._add(form, Hit("capital", s.iso3))
        for o in orgs:
            for form in (o.name, *o.aliases):
                self._add(form, Hit("org", o.key), fold=o.kind in FOLDABLE_KINDS)
        for c in cities:
            for form in (c.name, *c.aliases):
                self._add(form, Hit("city", c.key))

    def _add(self, form: str, hit: Hit, fold: bool = False) -> None:
        if not form:
            return
        key = normalise(form)
        self._index.setdefault(key, hit)
        if fold and _long_acronym(key):  # "NATO" is also written "Nato"; "US" never "us"
            self._index.setdefault(key.casefold(), hit)

    def lookup(self, surface: str) -> Hit | None:
        key = normalise(surface)
        hit = self._index.get(key)
        if hit is None and _long_acronym(key):  # an all-caps headline word: "IRAN"
            hit = self._index.get(key.casefold())
        return hit

    def surface_forms(self) -> list[tuple[str, Hit]]:
        """Every (form, hit) pair, for building matcher patterns."""
        out: list[tuple[str, Hit]] = []
        for s in self.states.values():
            for form in (s.name, *s.aliases):
                out.append((form, Hit("state", s.iso3)))
            for form in s.demonyms:
                out.append((form, Hit("demonym", s.iso3)))
            for form in s.capitals:
                out.append((form, Hit("capital", s.iso3)))
        for o in self.orgs.values():
            for form in (o.name, *o.aliases):
                out.append((form, Hit("org", o.key)))
        for c in self.cities.values():
            for form in (c.name, *c.aliases):
                out.append((form, Hit("city", c.key)))
        return out

    def contains_state(self, form: str) -> bool:
        """Whether a run of the words of ``form`` names a state ("Port Sudan", "Kuwait City")."""
        words = form.split()
        return len(words) > 1 and any(
            (hit := self.lookup(" ".join(words[i:j]))) is not None and hit.kind in {"state", "demonym"}
            for i in range(len(words)) for j in range(i + 1, len(words) + 1) if j - i < len(words))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    states = [
        StateEntry(
            iso3=row["iso3"],
            iso2=row["iso2"],
            name=row["name"],
            sovereign=row.get("kind", "state") == "state",
            aliases=tuple(split_list(row.get("aliases", ""))),
            demonyms=tuple(split_list(row.get("demonyms", ""))),
            capitals=tuple(split_list(row.get("capitals", ""))),
        )
        for row in read_csv("states.csv")
    ]
    orgs = [
        OrgEntry(row["key"], row["name"], tuple(split_list(row.get("aliases", ""))), row.get("kind", ""))
        for row in read_csv("organisations.csv")
    ]
    cities = [
        CityEntry(slugify(row["name"]), row["name"], row["iso3"], tuple(split_list(row.get("aliases", ""))))
        for row in read_csv("cities.csv")
    ]
    return Lexicon(states, orgs, cities)


@lru_cache(maxsize=1)
def post_nouns() -> frozenset[str]:
    """Single-word post titles that are not bare ranks ("minister", "chairperson"),
    with their plurals, from ``role_titles.csv``."""
    singles = {w for w in post_titles() if " " not in w}
    return frozenset(singles | {w + "s" for w in singles})


@lru_cache(maxsize=1)
def person_titles() -> frozenset[str]:
    """Courtesy titles, ranks and posts that stand before a name, lower case
    (``person_titles.txt``: "mr", "president", "naval", "secretary of state")."""
    lines = (ln.strip().casefold() for ln in read_text("person_titles.txt").splitlines())
    return frozenset(" ".join(ln.split()) for ln in lines if ln and not ln.startswith("#"))


@lru_cache(maxsize=1)
def post_titles() -> frozenset[str]:
    """Every post title in ``role_titles.csv``, lower case ("secretary of state")."""
    return frozenset(row["title"] for row in read_csv("role_titles.csv") if row.get("kind") != "rank")


@lru_cache(maxsize=1)
def post_heads() -> frozenset[str]:
    """The last word of every post title ("executive" of "chief executive"): a name
    right after one of these is given a post."""
    return frozenset(t.split()[-1] for t in post_titles()) | post_nouns()


@lru_cache(maxsize=1)
def portfolio_words() -> frozenset[str]:
    """Fields a minister or chief is responsible for ("finance", "defence")."""
    return frozenset(row["word"] for row in read_csv("relations_title_words.csv") if row.get("use") == "portfolio")

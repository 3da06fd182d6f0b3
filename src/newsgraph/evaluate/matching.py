"""When a name, a role string, a quotation or a predicted node stands for a gold item.

Names are compared by their keys (case-insensitive, ignoring a leading
"the", a trailing possessive and the dots of acronyms); role strings by
their content words; quoted texts by the words they share
(:func:`quote_overlaps`); a predicted node stands for at most one gold
entity (:func:`resolve`). The gold dict is checked here too, so a malformed gold
file fails with a one-line EvaluationError naming the item.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import EvaluationError
from ..vocab import SYMMETRIC_EVENT_TYPES

ACTOR_TYPES = ("Person", "Organisation", "State")
ENTITY_TYPES = (*ACTOR_TYPES, "Place")
SYMMETRIC_EVENTS = SYMMETRIC_EVENT_TYPES
# Words two role strings may share without being the same post.
ROLE_STOPWORDS = frozenset(
    "a an the of for and to in on at with by s former ex then new current acting outgoing incoming".split()
)


def name_keys(text: str) -> frozenset[str]:
    """The forms a name is compared in: "The U.S.'s" -> {"u.s.", "us"}, "Kyiv’s" -> {"kyiv"}.

    Case-folded, without surrounding quotes or brackets, a leading "the" or a
    trailing possessive; dotted acronyms match their undotted form.
    """
    key = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    key = " ".join(key.split()).strip("\"'“”,;:()[] ").casefold()
    key = re.sub(r"^the\s+", "", key)
    key = re.sub(r"'s?$", "", key).strip()
    return frozenset(k for k in (key, key.replace(".", "").strip()) if k)


def content_words(role: str) -> frozenset[str]:
    """The words of a role string that say what the post is ("secretary-general" -> secretary, general)."""
    words = re.split(r"[^\w]+", unicodedata.normalize("NFKC", role).casefold())
    return frozenset(w for w in words if w and not w.isdigit() and w not in ROLE_STOPWORDS)


def quote_words(text: str) -> list[str]:
    """The words of a quoted text, case-folded, in order (repeats kept)."""
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())


def quote_overlaps(a: str, b: str) -> bool:
    """Two quoted texts match when they share at least half of the shorter one's words (counted with repeats)."""
    words_a, words_b = quote_words(a), quote_words(b)
    if not words_a or not words_b:
        return False
    shared = sum((Counter(words_a) & Counter(words_b)).values())
    return shared >= 0.5 * min(len(words_a), len(words_b))


def keys_of(names: Sequence[str]) -> frozenset[str]:
    """The name keys of all of ``names`` together."""
    return frozenset().union(*(name_keys(n) for n in names)) if names else frozenset()


@dataclass(frozen=True)
class GoldEntity:
    index: int
    name: str
    type: str
    keys: frozenset[str]
    canonical: frozenset[str]
    optional: bool


@dataclass(frozen=True)
class Node:
    """A typed entity node of the predicted graph, with the keys of its labels."""

    term: str
    label: str
    types: frozenset[str]
    keys: frozenset[str]
    pref: frozenset[str]


def resolve(node: Node | None, gold: Sequence[GoldEntity]) -> GoldEntity | None:
    """The one gold entity a predicted node stands for, if any.

    Among the gold entities sharing a name key with the node, prefer one of
    the node's own type, then one whose canonical name is the node's
    preferred label, then the first listed.
    """
    if node is None:
        return None
    candidates = [g for g in gold if g.keys & node.keys]
    if not candidates:
        return None
    return min(candidates, key=lambda g: (g.type not in node.types, not (g.canonical & node.pref), g.index))


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_texts(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_flag(value: Any) -> bool:
    return isinstance(value, bool)


def _is_text_or_null(value: Any) -> bool:
    return value is None or _is_text(value)


_TEXT = (_is_text, "a non-empty string")
_TEXTS = (_is_texts, "a list of strings")
_FLAG = (_is_flag, "true or false")
_SPEAKER = (_is_text_or_null, "a non-empty string or null")
# The fields of the guidelines' file format, per list: name -> (required, check, what it must be).
# A field that is present is checked even when optional, so a loosely shaped gold file
# fails here with its place named instead of as a TypeError deep in the scorer.
GOLD_FIELDS: dict[str, dict[str, tuple[bool, Callable[[Any], bool], str]]] = {
    "entities": {
        "name": (True, *_TEXT), "type": (True, *_TEXT), "aliases": (False, *_TEXTS), "iso3": (False, *_TEXT),
        "optional": (False, *_FLAG),
    },
    "roles": {
        "person": (True, *_TEXT), "role": (True, *_TEXT), "of": (False, *_TEXT), "former": (False, *_FLAG),
        "nominated": (False, *_FLAG), "elect": (False, *_FLAG), "optional": (False, *_FLAG),
    },
    "events": {
        "type": (True, *_TEXT), "agent": (True, *_TEXT), "target": (False, *_TEXT), "place": (False, *_TEXT),
        "date": (False, *_TEXT), "optional": (False, *_FLAG),
    },
    "quotes": {
        "speaker": (True, *_SPEAKER), "text": (True, *_TEXT), "direct": (True, *_FLAG), "optional": (False, *_FLAG),
    },
}


def gold_list(gold: Mapping[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    """The gold items under ``key`` ("entities", "roles", "events" or "quotes"), each checked field by field.

    ``where`` names the gold file in the message: "d1.gold.json: entities[3].aliases
    must be a list of strings" (items are counted from 0, as in a JSON path).
    """
    items = gold.get(key, [])
    if not isinstance(items, list):
        raise EvaluationError(f"{where}: {key} must be a list of objects")
    fields = GOLD_FIELDS[key]
    required = ", ".join(name for name, (needed, _, _) in fields.items() if needed)
    for n, item in enumerate(items):
        if not isinstance(item, dict):
            raise EvaluationError(f"{where}: {key}[{n}] must be an object with {required}")
        for name, (needed, check, expected) in fields.items():
            if (name in item and not check(item[name])) or (needed and name not in item):
                raise EvaluationError(f"{where}: {key}[{n}].{name} must be {expected}")
    return items


def gold_entities(gold: Mapping[str, Any], where: str) -> list[GoldEntity]:
    """The gold entities with their name keys (name and aliases) and canonical keys (name only)."""
    items = gold_list(gold, "entities", where)
    for n, item in enumerate(items):
        if item["type"] not in ENTITY_TYPES:
            raise EvaluationError(
                f"{where}: entities[{n}].type is {item['type']!r}; use one of {', '.join(ENTITY_TYPES)}"
            )
    return [
        GoldEntity(i, e["name"], e["type"], keys_of([e["name"], *e.get("aliases", [])]), name_keys(e["name"]),
                   bool(e.get("optional")))
        for i, e in enumerate(items)
    ]


def check_gold(gold: Mapping[str, Any], where: str) -> None:
    """Raise EvaluationError naming ``where``, the item and the field when ``gold`` is not a gold file's shape."""
    gold_entities(gold, where)
    gold_list(gold, "roles", where)
    gold_list(gold, "events", where)
    gold_list(gold, "quotes", where)

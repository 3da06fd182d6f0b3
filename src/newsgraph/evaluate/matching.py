"""When a name, a role string or a predicted node stands for a gold item.

Names are compared by their keys (case-insensitive, ignoring a leading
"the", a trailing possessive and the dots of acronyms); role strings by
their content words; a predicted node stands for at most one gold entity
(:func:`resolve`). The gold dict is checked here too, so a malformed gold
file fails with a one-line EvaluationError naming the item.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import EvaluationError

ACTOR_TYPES = ("Person", "Organisation", "State")
ENTITY_TYPES = (*ACTOR_TYPES, "Place")
SYMMETRIC_EVENTS = frozenset({"CONSULT", "COOPERATE"})
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


def names_match(a: str, b: str) -> bool:
    """Whether two surface forms name the same thing under the gold matching rules."""
    return bool(name_keys(a) & name_keys(b))


def content_words(role: str) -> frozenset[str]:
    """The words of a role string that say what the post is ("secretary-general" -> secretary, general)."""
    words = re.split(r"[^\w]+", unicodedata.normalize("NFKC", role).casefold())
    return frozenset(w for w in words if w and not w.isdigit() and w not in ROLE_STOPWORDS)


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


def gold_list(gold: Mapping[str, Any], key: str, required: Sequence[str], where: str) -> list[dict[str, Any]]:
    """The gold items under ``key``, each checked to carry the ``required`` fields as text."""
    items = gold.get(key, [])
    if not isinstance(items, list):
        raise EvaluationError(f"gold {where}: '{key}' must be a list")
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) and item[k] for k in required):
            raise EvaluationError(f"gold {where}: {key} item {n} needs {', '.join(map(repr, required))} as text")
    return items


def gold_entities(gold: Mapping[str, Any], where: str) -> list[GoldEntity]:
    """The gold entities with their name keys (name and aliases) and canonical keys (name only)."""
    items = gold_list(gold, "entities", ("name", "type"), where)
    for n, item in enumerate(items, 1):
        if item["type"] not in ENTITY_TYPES:
            raise EvaluationError(
                f"gold {where}: entity {n} has type {item['type']!r}; use one of {', '.join(ENTITY_TYPES)}"
            )
    return [
        GoldEntity(i, e["name"], e["type"], keys_of([e["name"], *e.get("aliases", [])]), name_keys(e["name"]),
                   bool(e.get("optional")))
        for i, e in enumerate(items)
    ]

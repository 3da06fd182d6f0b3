"""Score one document's graph against its gold dict (pure: no files, no model).

Entities: each predicted actor stands for at most one gold entity (see
``matching.resolve``); a second one for it, a type clash or one not in gold
is a false positive; places are listed, not scored. Roles and events are
paired with required gold items by a maximum matching; a prediction that
repeats a found item or matches an optional one is neither rewarded nor
penalised. The package docstring states the rules in full.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pyoxigraph import Literal, Store

from ..query import LoadedGraph
from .matching import (
    ACTOR_TYPES,
    SYMMETRIC_EVENTS,
    GoldEntity,
    Node,
    content_words,
    gold_entities,
    gold_list,
    name_keys,
    resolve,
)
from .reading import Q_EVENTS, Q_ROLES, as_store, local_name, read_nodes
from .report import SECTIONS, Counts, DocumentScore, Error


@dataclass
class _Tally:
    section: str
    counts: Counts = field(default_factory=Counts)
    groups: dict[str, Counts] = field(default_factory=dict)
    errors: list[Error] = field(default_factory=list)

    def add(self, group: str, delta: Counts, kind: str | None = None, text: str = "") -> None:
        self.counts = self.counts + delta
        self.groups[group] = self.groups.get(group, Counts()) + delta
        if kind:
            self.errors.append(Error(self.section, kind, text))


def _max_matching(candidates: Sequence[Sequence[int]]) -> dict[int, int]:
    """Maximum bipartite matching by augmenting paths: prediction index -> gold index."""
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for g in candidates[i]:
            if g not in seen:
                seen.add(g)
                if g not in owner or augment(owner[g], seen):
                    owner[g] = i
                    return True
        return False

    for i in range(len(candidates)):
        augment(i, set())
    return {i: g for g, i in owner.items()}


def _pair(
    section: str,
    predicted: Sequence[dict[str, Any]],
    gold: Sequence[dict[str, Any]],
    compatible: Callable[[dict[str, Any], dict[str, Any]], bool],
    group: Callable[[dict[str, Any]], str],
) -> _Tally:
    """Count roles or events: a prediction is a false positive only when it matches no gold item.

    Required gold items are paired one-to-one with predictions (a maximum
    matching); a prediction that repeats a found item or matches an optional
    one is neither rewarded nor penalised.
    """
    tally = _Tally(section)
    candidates = [[g for g, item in enumerate(gold) if compatible(p, item)] for p in predicted]
    matched = _max_matching([[g for g in c if not gold[g]["optional"]] for c in candidates])
    for i, p in enumerate(predicted):
        if i in matched:
            tally.add(group(gold[matched[i]]), Counts(tp=1))
        elif not candidates[i]:
            tally.add(group(p), Counts(fp=1), "FP", p["text"])
    found = set(matched.values())
    for g, item in enumerate(gold):
        if not item["optional"] and g not in found:
            tally.add(group(item), Counts(fn=1), "FN", item["text"])
    return tally


def _score_entities(nodes: Sequence[Node], gold: Sequence[GoldEntity]) -> _Tally:
    """Each predicted actor stands for at most one gold entity; a second one for it is a false positive."""
    tally = _Tally("entities")
    found: set[int] = set()
    for node in nodes:
        kinds = sorted(node.types & set(ACTOR_TYPES))
        if not kinds:
            continue  # places are listed, not scored
        shown = f"{'/'.join(kinds)} {node.label!r}"
        match = resolve(node, gold)
        if match is None:
            tally.add(kinds[0], Counts(fp=1), "FP", f"{shown} (not in gold)")
        elif match.optional:
            continue
        elif match.type not in kinds:
            tally.add(kinds[0], Counts(fp=1), "FP", f"{shown} (gold says {match.type} {match.name!r})")
        elif match.index in found:
            tally.add(match.type, Counts(fp=1), "FP", f"{shown} (duplicate of {match.name!r})")
        else:
            found.add(match.index)
            tally.add(match.type, Counts(tp=1))
    for g in gold:
        if g.type in ACTOR_TYPES and not g.optional and g.index not in found:
            tally.add(g.type, Counts(fn=1), "FN", f"{g.type} {g.name!r}")
    return tally


def _status(flags: Mapping[str, Any]) -> str:
    return next((flag for flag in ("former", "nominated", "elect") if flags.get(flag) in (True, "true")), "current")


def _arrow(kind: str) -> str:
    return "<->" if kind in SYMMETRIC_EVENTS else "->"


def _end_key(match: GoldEntity | None, term: Any) -> tuple[str, int | str]:
    """What identifies an event end: the gold entity it stands for, else its own IRI."""
    return ("gold", match.index) if match is not None else ("iri", str(term))


def score_graph(graph: LoadedGraph | Store | Any, gold: Mapping[str, Any], *, name: str | None = None) -> DocumentScore:
    """Compare one document's graph with its gold annotation (pure: no files, no model)."""
    where = f"{name}.gold.json" if name else (f"gold {gold['id']!r}" if gold.get("id") else "gold")
    entities = gold_entities(gold, where)
    gold_roles = gold_list(gold, "roles", where)
    gold_events = gold_list(gold, "events", where)

    def named(text: str | None) -> GoldEntity | None:
        """The gold entity a gold role or event names: by canonical name, else by alias."""
        keys = name_keys(text or "")
        by_name = next((g for g in entities if g.canonical & keys), None)
        return by_name or next((g for g in entities if g.keys & keys), None)

    store = as_store(graph)
    nodes = read_nodes(store)

    def resolved(term: Any) -> tuple[GoldEntity | None, str]:
        """The gold entity a graph node stands for, and how to show it."""
        node = nodes.get(str(term)) if term is not None else None
        match = resolve(node, entities)
        return match, match.name if match else (node.label if node else getattr(term, "value", "?"))

    roles = [
        {"person": named(r["person"]), "of": named(r.get("of")), "has_of": bool(r.get("of")),
         "words": content_words(r["role"]), "status": _status(r), "optional": bool(r.get("optional")),
         "text": f"{r['person']}: {r['role']}" + (f" of {r['of']}" if r.get("of") else "")}
        for r in gold_roles
    ]
    predicted_roles = []
    for row in store.query(Q_ROLES):
        role = row["roleLabel"] or row["role"]
        text = role.value if isinstance(role, Literal) else local_name(role)
        (person, who), (org, where_) = resolved(row["person"]), resolved(row["org"])
        flags = {k: row[k].value if row[k] is not None else None for k in ("former", "nominated", "elect")}
        predicted_roles.append({
            "person": person, "of": org, "words": content_words(text), "status": _status(flags),
            "text": f"{who}: {text}" + (f" of {where_}" if row["org"] is not None else ""),
        })

    def role_matches(p: dict[str, Any], g: dict[str, Any]) -> bool:
        same_of = not g["has_of"] or (p["of"] is not None and p["of"] is g["of"])
        return p["person"] is not None and p["person"] is g["person"] and same_of and bool(p["words"] & g["words"])

    events = [
        {"type": kind, "agent": named(e["agent"]), "target": named(e["target"]), "optional": bool(e.get("optional")),
         "text": f"{kind} {e['agent']} {_arrow(kind)} {e['target']}"}
        for e, kind in ((e, e["type"].upper()) for e in gold_events)
    ]
    # An event is what it says, not how often: repeats (other dates, other sentences) count once.
    # An end that stands for no gold entity is keyed by its IRI, so two different
    # unmatched events stay two false positives instead of collapsing into one.
    predicted_events: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in store.query(Q_EVENTS):
        kind = local_name(row["type"]).upper()
        (agent, a), (target, b) = resolved(row["agent"]), resolved(row["target"])
        key = (kind, _end_key(agent, row["agent"]), _end_key(target, row["target"]))
        text = f"{kind} {a} {_arrow(kind)} {b}"
        predicted_events.setdefault(key, {"type": kind, "agent": agent, "target": target, "text": text})

    def event_matches(p: dict[str, Any], g: dict[str, Any]) -> bool:
        if p["type"] != g["type"] or p["agent"] is None or p["target"] is None:
            return False
        ends = (p["agent"], p["target"])
        symmetric = g["type"] in SYMMETRIC_EVENTS
        return ends == (g["agent"], g["target"]) or (symmetric and ends == (g["target"], g["agent"]))

    tallies = {
        "entities": _score_entities(sorted(nodes.values(), key=lambda n: n.term), entities),
        "roles": _pair("roles", predicted_roles, roles, role_matches, lambda x: x["status"]),
        "events": _pair("events", list(predicted_events.values()), events, event_matches, lambda x: x["type"]),
    }
    return DocumentScore(
        name=name or str(gold.get("id") or "document"),
        counts={s: tallies[s].counts for s in SECTIONS},
        breakdown={s: dict(sorted(tallies[s].groups.items())) for s in SECTIONS},
        errors=tuple(e for s in SECTIONS for e in tallies[s].errors),
    )

"""Score one document's graph against its gold dict (pure: no files, no model).

Entities: each predicted actor stands for at most one gold entity (see
``matching.resolve``); a second one for it, a type clash or one not in gold
is a false positive; places are listed, not scored. Roles, events and
quotations are paired with required gold items by a maximum matching; a
prediction that repeats a found item or matches an optional one is neither
rewarded nor penalised. Quotations are scored only when the gold dict has a
"quotes" list. The package docstring states the rules in full.
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
    quote_overlaps,
    resolve,
)
from .reading import Q_EVENTS, Q_QUOTES, Q_ROLES, as_store, local_name, read_nodes
from .report import BROKEN_DOWN, Counts, DocumentScore, Error


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
    """Count roles, events or quotations: a prediction is a false positive only when it matches no gold item.

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
    """What identifies an event end: the gold entity it stands for, else its own IRI ("" for no target)."""
    return ("gold", match.index) if match is not None else ("iri", str(term) if term is not None else "")


def _event_text(kind: str, agent: str, target: str | None) -> str:
    return f"{kind} {agent} {_arrow(kind)} {target}" if target is not None else f"{kind} {agent} (no target)"


def _event_matches(p: Mapping[str, Any], g: Mapping[str, Any]) -> bool:
    """Type and agent match, and the target where the gold has one; either order for CONSULT and COOPERATE.

    A gold event without a target is matched by an agent-only prediction and
    by one with a target alike (the target is extra detail), as the
    reference scorer does.
    """
    if p["type"] != g["type"] or p["agent"] is None:
        return False
    symmetric = g["type"] in SYMMETRIC_EVENTS
    if not g["has_target"]:
        return p["agent"] is g["agent"] or (symmetric and p["target"] is not None and p["target"] is g["agent"])
    if p["target"] is None:
        return False
    ends = (p["agent"], p["target"])
    return ends == (g["agent"], g["target"]) or (symmetric and ends == (g["target"], g["agent"]))


def _quote_matches(p: Mapping[str, Any], g: Mapping[str, Any]) -> bool:
    """The speaker matches (any, for a gold quote with a null speaker) and the words overlap."""
    same_speaker = not g["has_speaker"] or (p["speaker"] is not None and p["speaker"] is g["speaker"])
    return same_speaker and quote_overlaps(g["words"], p["words"])


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def score_graph(graph: LoadedGraph | Store | Any, gold: Mapping[str, Any], *, name: str | None = None) -> DocumentScore:
    """Compare one document's graph with its gold annotation (pure: no files, no model)."""
    where = f"{name}.gold.json" if name else (f"gold {gold['id']!r}" if gold.get("id") else "gold")
    entities = gold_entities(gold, where)
    gold_roles = gold_list(gold, "roles", where)
    gold_events = gold_list(gold, "events", where)
    gold_quotes = gold_list(gold, "quotes", where) if "quotes" in gold else None  # scored only when listed

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
        {"type": kind, "agent": named(e["agent"]), "target": named(e.get("target")), "has_target": "target" in e,
         "optional": bool(e.get("optional")), "text": _event_text(kind, e["agent"], e.get("target"))}
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
        text = _event_text(kind, a, b if row["target"] is not None else None)
        predicted_events.setdefault(key, {"type": kind, "agent": agent, "target": target, "text": text})

    tallies = {
        "entities": _score_entities(sorted(nodes.values(), key=lambda n: n.term), entities),
        "roles": _pair("roles", predicted_roles, roles, role_matches, lambda x: x["status"]),
        "events": _pair("events", list(predicted_events.values()), events, _event_matches, lambda x: x["type"]),
    }
    if gold_quotes is not None:
        tallies["quotes"] = _score_quotes(store, gold_quotes, named, resolved)
    return DocumentScore(
        name=name or str(gold.get("id") or "document"),
        counts={s: t.counts for s, t in tallies.items()},
        breakdown={s: dict(sorted(tallies[s].groups.items())) for s in BROKEN_DOWN},
        errors=tuple(e for t in tallies.values() for e in t.errors),
    )


def _score_quotes(
    store: Store,
    gold_quotes: Sequence[Mapping[str, Any]],
    named: Callable[[str | None], GoldEntity | None],
    resolved: Callable[[Any], tuple[GoldEntity | None, str]],
) -> _Tally:
    """Quotations: the speaker matches and the words overlap by at least half of the shorter text.

    A quotation read twice (the same speaker node and words) counts once.
    """
    gold = [
        {"speaker": named(q["speaker"]), "has_speaker": q["speaker"] is not None, "words": q["text"],
         "optional": bool(q.get("optional")), "text": f"{q['speaker'] or '(no speaker)'}: {_shorten(q['text'])}"}
        for q in gold_quotes
    ]
    predicted: dict[tuple[str, str], dict[str, Any]] = {}
    for row in store.query(Q_QUOTES):
        (speaker, who), words = resolved(row["speaker"]), row["text"].value
        shown = who if row["speaker"] is not None else "(no speaker)"
        predicted.setdefault((str(row["speaker"]), words), {
            "speaker": speaker, "words": words, "text": f"{shown}: {_shorten(words)}",
        })
    return _pair("quotes", list(predicted.values()), gold, _quote_matches, lambda _: "all")

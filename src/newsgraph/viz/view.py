"""Turn graph facts into the network to draw: nodes, merged edges, focus and cap.

Merging happens here, once, so the page, the statistics and the exports all
count the same edges: events of one PLOVER type and modality between one pair
become one edge with a count (both directions for undirected types such as
CONSULT), and memberships of one person in one post at one organisation
become one role edge. Events with no target are never edges: each is an
``Action`` listed on its agent's node; quotations are never edges either:
each is listed on its speaker's node and on the timeline.
"""
from __future__ import annotations

import difflib
import hashlib
from collections import Counter
from dataclasses import dataclass, field, replace

import networkx as nx

from ..errors import GraphError
from ..vocab import SYMMETRIC_EVENT_TYPES
from .model import (
    ACTOR_TYPES,
    ENTITY_TYPES,
    Action,
    EdgeEvidence,
    NetworkView,
    Quotation,
    Quote,
    ViewEdge,
    ViewNode,
)
from .communities import louvain_communities
from .reader import EventFact, GraphFacts, MembershipFact, QuotationFact, local_name


@dataclass
class _Bundle:
    """The parts of one edge being merged."""

    source: str
    target: str
    kind: str
    type: str
    label: str
    directed: bool
    modality: str = "asserted"
    count: int = 0
    evidence: dict[tuple[str, str | None], EdgeEvidence] = field(default_factory=dict)
    times: set[str] = field(default_factory=set)
    according_to: set[str] = field(default_factory=set)

    def add(self, evidence: tuple[EdgeEvidence, ...], time: str | None, according_to: tuple[str, ...] = ()) -> None:
        self.count += 1
        self.according_to.update(according_to)
        for ev in evidence:
            self.evidence.setdefault((ev.quote.key, ev.extractor), ev)
        if time:
            self.times.add(time)
        else:  # no stated time: the story's time is when the evidence was published
            self.times.update(ev.quote.source.published for ev in evidence if ev.quote.source and ev.quote.source.published)


def role_text(membership: MembershipFact) -> str:
    """The post with its flags, as a reader would write it: "former prime minister".

    A flag the post's own name already says is not said twice: the role
    "president-elect" with ng:elect true stays "president-elect", never
    "president-elect-elect" (the title lexicon keeps "-elect" in some names).
    """
    text = membership.role
    words = text.casefold().replace("-", " ").split()
    if membership.elect and "elect" not in words:
        text += "-elect"
    if membership.former and not {"former", "ex"} & set(words):
        text = "former " + text
    if membership.nominated and not {"nominee", "nominated", "designate"} & set(words):
        text += " (nominee)"
    return text


def said_by(facts: GraphFacts, quotation: str) -> str | None:
    """Who stated something ng:accordingTo ``quotation`` said: its speaker's name, or an unnamed source."""
    q = facts.quotation(quotation)
    if q is None:
        return None
    return facts.labels.get(q.speaker, local_name(q.speaker)) if q.speaker else "an unnamed source"


def _according(facts: GraphFacts, quotations: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({who for q in quotations if (who := said_by(facts, q))}, key=str.casefold))


def build_view(
    facts: GraphFacts,
    *,
    include_places: bool = False,
    max_nodes: int | None = None,
    focus: str | None = None,
    hops: int = 2,
) -> NetworkView:
    """The nodes and merged edges to draw; see ``newsgraph.viz.load_view``."""
    if max_nodes is not None and max_nodes < 1:
        raise GraphError(f"max_nodes must be at least 1, got {max_nodes}")
    if hops < 0:
        raise GraphError(f"hops must be 0 or more, got {hops}")
    kept_types = ENTITY_TYPES if include_places else ACTOR_TYPES
    ids = {iri for iri, cls in facts.types.items() if cls in kept_types}
    bundles = _bundle_edges(facts, ids, include_places)
    held: dict[str, list[MembershipFact]] = {}
    for m in facts.memberships:
        held.setdefault(m.member, []).append(m)
    alone: dict[str, list[EventFact]] = {}
    for ev in facts.events:
        if ev.target is None and ev.agent in ids:
            alone.setdefault(ev.agent, []).append(ev)
    quotations = sorted((_quotation(facts, q) for q in facts.quotations), key=lambda q: (q.time or "~", q.id))
    spoken: dict[str, list[Quotation]] = {}
    for q in quotations:
        if q.speaker in ids:
            spoken.setdefault(q.speaker, []).append(q)
    nodes = {iri: _node(facts, iri, held.get(iri, []), alone.get(iri, []), spoken.get(iri, [])) for iri in ids}
    edges = [_edge(b) for b in bundles.values()]
    cut = focus is not None or (max_nodes is not None and len(nodes) > max_nodes)

    if focus is not None:
        centre = find_node(list(nodes.values()), focus, facts=facts)
        ego = nx.ego_graph(_undirected(nodes, edges), centre.id, radius=hops)
        nodes = {iri: nodes[iri] for iri in ego.nodes}
        edges = [e for e in edges if e.source in nodes and e.target in nodes]
    if max_nodes is not None and len(nodes) > max_nodes:
        degree = Counter()
        for e in edges:
            degree[e.source] += 1
            if e.target != e.source:
                degree[e.target] += 1
        pinned = centre.id if focus is not None else None
        ranked = sorted(
            nodes.values(),
            key=lambda n: (n.id != pinned, -degree[n.id], -n.mentions, n.label.casefold(), n.id),
        )
        nodes = {n.id: n for n in ranked[:max_nodes]}
        edges = [e for e in edges if e.source in nodes and e.target in nodes]

    if cut:  # a cut view keeps what its nodes said or are mentioned in
        quotations = [q for q in quotations if q.speaker in nodes or any(a in nodes for a in q.about)]
    order = {cls: i for i, cls in enumerate(ENTITY_TYPES)}
    view = NetworkView(
        nodes=tuple(sorted(nodes.values(), key=lambda n: (order[n.type], n.label.casefold(), n.id))),
        edges=tuple(sorted(edges, key=lambda e: (e.kind, e.source, e.target, e.type, e.modality))),
        quotations=tuple(quotations),
    )
    return replace(view, communities=louvain_communities(view))


def _quotation(facts: GraphFacts, q: QuotationFact) -> Quotation:
    """A quotation as its speaker's panel lists it: dated when reported, else when its article was published."""
    evidence = sorted(q.evidence, key=lambda e: (_when(e.quote) or "~", e.quote.key, e.extractor or ""))
    published = [t for e in evidence if (t := _when(e.quote))]
    return Quotation(
        id=q.iri,
        text=q.text,
        speaker=q.speaker,
        speaker_label=facts.labels.get(q.speaker, local_name(q.speaker)) if q.speaker else None,
        cue=q.cue,
        direct=q.direct,
        about=q.about,
        time=q.reported or (min(published) if published else None),
        evidence=tuple(evidence),
    )


def _node(facts: GraphFacts, iri: str, memberships: list[MembershipFact], alone: list[EventFact],
          spoken: list[Quotation]) -> ViewNode:
    said = facts.mentions.get(iri, [])
    quotes: dict[str, Quote] = {}
    for q in said:
        quotes.setdefault(q.key, q)
    ordered = sorted(quotes.values(), key=lambda q: (_when(q) or "~", q.key))
    roles = sorted({_role_line(facts, m) for m in memberships})
    actions = sorted((_action(facts, ev) for ev in alone), key=lambda a: (a.times[0] if a.times else "~", a.id))
    return ViewNode(
        id=iri,
        label=facts.labels[iri],
        type=facts.types[iri],
        aliases=facts.aliases.get(iri, ()),
        mentions=len(said),
        quotes=tuple(ordered),
        roles=tuple(roles),
        times=tuple(sorted({t for q in ordered if (t := _when(q))} | {t for a in actions for t in a.times}
                           | {q.time for q in spoken if q.time})),
        actions=tuple(actions),
        quotations=tuple(spoken),
    )


def _action(facts: GraphFacts, ev: EventFact) -> Action:
    """An agent-only event as its node lists it, dated as edges are (stated time, else publication)."""
    evidence = sorted(ev.evidence, key=lambda e: (_when(e.quote) or "~", e.quote.key, e.extractor or ""))
    at = slider_time(ev)
    times = {at} if at else {t for e in evidence if (t := _when(e.quote))}
    return Action(
        id=ev.iri,
        type=ev.type,
        mode=ev.mode,
        sector=ev.agent_sector,
        modality=ev.modality,
        place=facts.labels.get(ev.place, local_name(ev.place)) if ev.place else None,
        time=ev.time,
        times=tuple(sorted(times)),
        evidence=tuple(evidence),
        according_to=_according(facts, ev.according_to),
    )


def slider_time(ev: EventFact) -> str | None:
    """Where an event sits on the time slider: the time the text states for it when that is a day
    (or finer), else when it was reported (ng:reportedAt); a stated month or year ("in 2016") would
    stretch the slider over years for one event, so it only shows in the event's own time."""
    if ev.time and len(ev.time) >= 10:
        return ev.time
    return ev.reported


def _when(quote: Quote) -> str | None:
    return quote.source.published if quote.source else None


def _role_line(facts: GraphFacts, membership: MembershipFact) -> str:
    text = role_text(membership)
    if membership.organisation and membership.organisation in facts.labels:
        text += " — " + facts.labels[membership.organisation]
    if membership.according_to:
        text += " (according to " + " and ".join(_according(facts, membership.according_to)) + ")"
    return text


def _bundle_edges(facts: GraphFacts, ids: set[str], include_places: bool) -> dict[tuple, _Bundle]:
    bundles: dict[tuple, _Bundle] = {}

    def bundle(key: tuple, **fields) -> _Bundle:
        if key not in bundles:
            bundles[key] = _Bundle(**fields)
        return bundles[key]

    for m in facts.memberships:
        if m.member in ids and m.organisation in ids and m.member != m.organisation:
            label = role_text(m)
            b = bundle(("role", m.member, m.organisation, label), source=m.member, target=m.organisation,
                       kind="role", type=m.role, label=label, directed=True)
            b.add(m.evidence, m.as_of, _according(facts, m.according_to))
    for ev in facts.events:
        if ev.agent not in ids or ev.target not in ids:
            continue
        directed = ev.type not in SYMMETRIC_EVENT_TYPES
        source, target = (ev.agent, ev.target) if directed else tuple(sorted((ev.agent, ev.target)))
        b = bundle(("event", source, target, ev.type, ev.modality), source=source, target=target,
                   kind="event", type=ev.type, label=ev.type, directed=directed, modality=ev.modality)
        b.add(ev.evidence, slider_time(ev), _according(facts, ev.according_to))
        if include_places and ev.place in ids:
            for who in sorted({ev.agent, ev.target}):
                b = bundle(("place", who, ev.place), source=who, target=ev.place,
                           kind="place", type="place", label="in", directed=True)
                b.add(ev.evidence, slider_time(ev))
    return bundles


def _edge(b: _Bundle) -> ViewEdge:
    label = b.label if b.count == 1 else f"{b.label} ×{b.count}"
    if b.modality != "asserted":
        label += f" ({b.modality})"
    key = "\x1f".join((b.kind, b.source, b.target, b.type, b.label, b.modality))
    evidence = sorted(b.evidence.values(), key=lambda e: (_when(e.quote) or "~", e.quote.key, e.extractor or ""))
    return ViewEdge(
        id="e" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12],
        source=b.source,
        target=b.target,
        kind=b.kind,
        type=b.type,
        label=label,
        count=b.count,
        directed=b.directed,
        modality=b.modality,
        evidence=tuple(evidence),
        times=tuple(sorted(b.times)),
        according_to=tuple(sorted(b.according_to, key=str.casefold)),
    )


def _undirected(nodes: dict[str, ViewNode], edges: list[ViewEdge]) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(sorted(nodes))
    graph.add_edges_from((e.source, e.target) for e in edges)
    return graph


def find_node(nodes: list[ViewNode], name: str, *, facts: GraphFacts | None = None) -> ViewNode:
    """The node called ``name`` (label or alias, any case); GraphError with near matches if none.

    When several nodes answer to the name, the one whose canonical name it is
    wins, then the most mentioned: an alias such as a surname can be shared.
    """
    wanted = name.strip().casefold()
    hits = [n for n in nodes if any(x.casefold() == wanted for x in n.names())]
    if hits:
        return min(hits, key=lambda n: (n.label.casefold() != wanted, -n.mentions, n.id))
    if facts is not None:
        for iri, cls in facts.types.items():
            names = (facts.labels.get(iri, ""), *facts.aliases.get(iri, ()))
            if cls == "Place" and any(x.casefold() == wanted for x in names):
                raise GraphError(f"{name!r} is a place, and places are hidden: add --places to focus on it")
    by_folded: dict[str, str] = {}
    for n in sorted(nodes, key=lambda n: (-n.mentions, n.id)):
        for x in n.names():
            by_folded.setdefault(x.casefold(), n.label)
    near = [by_folded[x] for x in difflib.get_close_matches(wanted, list(by_folded), n=8, cutoff=0.6)]
    near += [label for x, label in by_folded.items() if wanted and (wanted in x or (len(x) >= 3 and x in wanted))]
    near = list(dict.fromkeys(near))[:5]
    if near:
        listed = ", ".join(repr(x) for x in near)
        raise GraphError(f"no node named {name!r} in the graph; near matches: {listed}")
    raise GraphError(f"no node named {name!r} in the graph: check the spelling, or run `newsgraph stats` to list the actors")

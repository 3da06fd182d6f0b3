"""Read the facts the network needs out of an RDF graph (docs/graph-model.md).

The graph may sit in rdflib's memory store or in Oxigraph (oxrdflib). Both
answer single-predicate triple patterns fast and alike, whereas multi-join
SPARQL is where rdflib's own engine degrades badly; so every read here is one
pass over one predicate, and the joins happen in Python dictionaries.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from rdflib import Graph, Literal, URIRef

from ..vocab import NG, NIF, ORG, PROV, RDF, SCHEMA, SEM, SKOS
from .model import ENTITY_TYPES, EdgeEvidence, Quote, Source


@dataclass(frozen=True)
class MembershipFact:
    iri: str
    member: str | None
    organisation: str | None
    role: str
    former: bool
    nominated: bool
    elect: bool
    as_of: str | None
    evidence: tuple[EdgeEvidence, ...]


@dataclass(frozen=True)
class EventFact:
    iri: str
    type: str
    agent: str | None
    target: str | None  # None: an agent-only event, listed on the agent's node, never an edge
    place: str | None
    time: str | None
    modality: str
    evidence: tuple[EdgeEvidence, ...]
    mode: str | None = None  # the PLOVER mode's name: "aerial" for plover:ASSAULT-aerial
    agent_sector: str | None = None  # a sector's local name: "military"
    target_sector: str | None = None
    reported: str | None = None  # ng:reportedAt: when the report of it was published


@dataclass
class GraphFacts:
    """Everything the view is built from, keyed by IRI strings."""

    types: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    mentions: dict[str, list[Quote]] = field(default_factory=dict)  # entity -> one quote per mention
    memberships: list[MembershipFact] = field(default_factory=list)
    events: list[EventFact] = field(default_factory=list)


def iso_time(value: object) -> str | None:
    """An xsd:dateTime/xsd:date literal as a string that sorts in time order (an xsd:gYearMonth
    or xsd:gYear as written: "2024-08", "2016")."""
    if not isinstance(value, Literal):
        return None
    parsed = value.toPython()
    if isinstance(parsed, datetime):
        if parsed.tzinfo is not None:
            try:
                parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
            except (OverflowError, ValueError):  # year 1 at +14:00 has no UTC time
                return None
            return parsed.isoformat(timespec="seconds") + "Z"
        return parsed.isoformat(timespec="seconds")
    if isinstance(parsed, date):
        return parsed.isoformat()
    text = str(value).strip()
    return text or None


def local_name(iri: str) -> str:
    """The last segment of an IRI: ``plover:CONSULT`` → ``CONSULT``."""
    for sep in ("#", "/"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[1]
    return iri


def _one(graph: Graph, predicate: URIRef) -> dict[str, object]:
    """subject → object for a predicate; the smallest object wins when several."""
    found: dict[str, object] = {}
    for s, o in graph.subject_objects(predicate):
        key = str(s)
        if key not in found or str(o) < str(found[key]):
            found[key] = o
    return found


def _many(graph: Graph, predicate: URIRef) -> dict[str, list[object]]:
    found: dict[str, list[object]] = defaultdict(list)
    for s, o in graph.subject_objects(predicate):
        found[str(s)].append(o)
    return found


def _flag(value: object) -> bool:
    return isinstance(value, Literal) and value.toPython() is True


def _number(value: object) -> float | None:
    if isinstance(value, Literal):
        try:
            return float(value.toPython())
        except (TypeError, ValueError):
            return None
    return None


class _Sources:
    """Headline, time and link of posts and documents, inheriting from the document."""

    def __init__(self, graph: Graph, part_of: dict[str, object]) -> None:
        self._part_of = part_of
        self._headline = _one(graph, SCHEMA.headline)
        self._published = _one(graph, SCHEMA.datePublished)
        self._url = _one(graph, SCHEMA.url)
        self._origin = _one(graph, NG.source)
        self._cache: dict[str, Source] = {}

    def get(self, iri: str | None) -> Source | None:
        if iri is None:
            return None
        if iri not in self._cache:
            parent = self._part_of.get(iri)
            chain = [iri] + ([str(parent)] if parent is not None else [])

            def first(table: dict[str, object]) -> object | None:
                return next((table[x] for x in chain if x in table), None)

            headline, published = first(self._headline), first(self._published)
            link = first(self._url) or first(self._origin)
            self._cache[iri] = Source(
                iri=iri,
                headline=str(headline) if headline is not None else None,
                published=iso_time(published),
                link=str(link) if link is not None else None,
            )
        return self._cache[iri]


def read_facts(graph: Graph) -> GraphFacts:
    """Collect entities, mentions, memberships and events from ``graph``."""
    facts = GraphFacts()
    for cls in reversed(ENTITY_TYPES):  # Person wins over the rest when typed twice
        for subject in graph.subjects(RDF.type, NG[cls]):
            facts.types[str(subject)] = cls
    pref = _one(graph, SKOS.prefLabel)
    alt = _many(graph, SKOS.altLabel)
    for iri in facts.types:
        facts.labels[iri] = str(pref[iri]) if iri in pref else local_name(iri)
        names = {str(a) for a in alt.get(iri, ())} - {facts.labels[iri]}
        facts.aliases[iri] = tuple(sorted(names, key=lambda a: (a.casefold(), a)))

    part_of = _one(graph, SCHEMA.isPartOf)
    sources = _Sources(graph, part_of)
    anchor = _one(graph, NIF.anchorOf)
    sentence_of = _one(graph, NIF.sentence)

    def quote(thing: str) -> Quote:
        sentence = sentence_of.get(thing)
        key = str(sentence) if sentence is not None else thing
        text = anchor.get(key, anchor.get(thing, ""))
        where = part_of.get(key, part_of.get(thing))
        return Quote(key=key, text=str(text), source=sources.get(str(where) if where is not None else None))

    for mention, entity in graph.subject_objects(NG.refersTo):
        facts.mentions.setdefault(str(entity), []).append(quote(str(mention)))

    extractor = _one(graph, NG.extractor)
    confidence = _one(graph, NG.confidence)
    derived = _many(graph, PROV.wasDerivedFrom)

    def evidence(assertion: str) -> tuple[EdgeEvidence, ...]:
        found = []
        for ev in sorted(str(e) for e in derived.get(assertion, ())):
            x = extractor.get(ev)
            found.append(EdgeEvidence(quote(ev), str(x) if x is not None else None, _number(confidence.get(ev))))
        return tuple(found)

    _read_memberships(graph, facts, evidence, pref)
    _read_events(graph, facts, evidence)
    return facts


def _read_memberships(graph: Graph, facts: GraphFacts, evidence, role_label: dict[str, object]) -> None:
    member, organisation, role = _one(graph, ORG.member), _one(graph, ORG.organization), _one(graph, ORG.role)
    former, nominated, elect = _one(graph, NG.former), _one(graph, NG.nominated), _one(graph, NG.elect)
    as_of = _one(graph, NG.asOf)
    for subject in sorted(str(s) for s in graph.subjects(RDF.type, ORG.Membership)):
        role_iri = role.get(subject)
        if role_iri is None:
            label = "member"
        else:
            label = str(role_label.get(str(role_iri), local_name(str(role_iri)).replace("-", " ")))
        facts.memberships.append(
            MembershipFact(
                iri=subject,
                member=_str(member.get(subject)),
                organisation=_str(organisation.get(subject)),
                role=label,
                former=_flag(former.get(subject)),
                nominated=_flag(nominated.get(subject)),
                elect=_flag(elect.get(subject)),
                as_of=iso_time(as_of.get(subject)),
                evidence=evidence(subject),
            )
        )


def _read_events(graph: Graph, facts: GraphFacts, evidence) -> None:
    kind, agent, target = _one(graph, NG.eventType), _one(graph, NG.agent), _one(graph, NG.target)
    place, stamp, modality = _one(graph, SEM.hasPlace), _one(graph, SEM.hasTimeStamp), _one(graph, NG.modality)
    modes, agent_sector, target_sector = _one(graph, NG.mode), _one(graph, NG.agentSector), _one(graph, NG.targetSector)
    reported = _one(graph, NG.reportedAt)
    for subject in sorted(str(s) for s in graph.subjects(RDF.type, NG.Event)):
        code = kind.get(subject)
        mode = modality.get(subject)
        how = modes.get(subject)
        facts.events.append(
            EventFact(
                iri=subject,
                type=local_name(str(code)) if code is not None else "EVENT",
                agent=_str(agent.get(subject)),
                target=_str(target.get(subject)),
                place=_str(place.get(subject)),
                time=iso_time(stamp.get(subject)),
                modality=local_name(str(mode)).lower() if mode is not None else "asserted",
                evidence=evidence(subject),
                mode=_mode_name(str(how)) if how is not None else None,
                agent_sector=_local(agent_sector.get(subject)),
                target_sector=_local(target_sector.get(subject)),
                reported=iso_time(reported.get(subject)),
            )
        )


def _str(value: object | None) -> str | None:
    return None if value is None else str(value)


def _local(value: object | None) -> str | None:
    return None if value is None else local_name(str(value))


def _mode_name(iri: str) -> str:
    """``plover:ASSAULT-aerial`` → ``aerial``; any other IRI → its last segment."""
    name = local_name(iri)
    code, dash, rest = name.partition("-")
    return rest if dash and code.isupper() and rest else name

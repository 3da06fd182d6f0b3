"""Read the facts the network needs out of the graph (docs/graph-model.md).

Every reader of a graph (the page, stats, the exports, evaluate) opens its
source with ``newsgraph.query.load_graph`` and reads the DEFAULT GRAPH of the
pyoxigraph Store it returns: the merged graph of every document.
``default_store`` is that seam: it takes what ``load_graph`` returns, a Store
(the build's own), or an rdflib Graph (tests, other tools), and gives the
Store to read. Every read here is one pass over one predicate
(``quads_for_pattern``), and the joins happen in Python dictionaries.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

import rdflib
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, Store

from ..query.loading import LoadedGraph
from ..vocab import NG, NG_IRI, NIF, OA, ORG, PROV, RDF, SCHEMA, SEM, SKOS
from .model import ENTITY_TYPES, EdgeEvidence, Quote, Source

#: The quotation terms (docs/graph-model.md), spelled out here so that the
#: page reads them whether or not the vocabulary module knows them yet.
QUOTATION, SPEAKER, CUE, DIRECT, ACCORDING_TO = (NG_IRI + name for name in ("Quotation", "speaker", "cue", "direct", "accordingTo"))

#: What every reader accepts as "a graph".
GraphSource = LoadedGraph | Store | rdflib.Graph


def default_store(graph: GraphSource) -> Store:
    """The pyoxigraph Store whose default graph is the graph to read.

    A ``LoadedGraph`` gives its store, a Store is taken as it is and an
    rdflib Graph that views a Store's default graph through oxrdflib
    (``viz.read_graph``) gives that Store (none is copied); any other rdflib
    Graph (or Dataset: its union) is copied into a new Store. A store whose default graph is empty but whose named graphs are
    not (a TriG or N-Quads file of one graph per document, with no merged
    default graph) is read as the union of its named graphs.
    """
    if isinstance(graph, LoadedGraph):
        store = graph.store
    elif isinstance(graph, Store):
        store = graph
    elif isinstance(graph, rdflib.Graph) and _oxigraph_default_graph(graph) is not None:
        store = _oxigraph_default_graph(graph)
    elif isinstance(graph, rdflib.Graph):
        store = Store()
        store.extend(Quad(_ox(s), _ox(p), _ox(o)) for s, p, o in graph.triples((None, None, None)))
        return store
    else:
        raise TypeError(f"cannot read a {type(graph).__name__} as a graph: give a LoadedGraph, a Store or an rdflib Graph")
    if _empty(store.quads_for_pattern(None, None, None, DefaultGraph())) and not _empty(iter(store)):
        union = Store()
        union.extend(Quad(q.subject, q.predicate, q.object) for q in store)
        return union
    return store


def _oxigraph_default_graph(graph: rdflib.Graph) -> Store | None:
    """The pyoxigraph Store under an rdflib Graph that is a view of its default graph
    (what ``viz.read_graph`` returns), so it is read in place rather than copied."""
    inner = getattr(graph.store, "_store", None)  # oxrdflib's OxigraphStore keeps its Store here
    if isinstance(inner, Store) and graph.identifier == DATASET_DEFAULT_GRAPH_ID:
        return inner
    return None


def _empty(quads: Iterator[Quad]) -> bool:
    return next(quads, None) is None


def _ox(term: rdflib.term.Node) -> NamedNode | BlankNode | Literal:
    """An rdflib term as the pyoxigraph term (lexical forms kept as rdflib holds them)."""
    if isinstance(term, rdflib.URIRef):
        return NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return BlankNode(str(term))
    if isinstance(term, rdflib.Literal):
        if term.language:
            return Literal(str(term), language=term.language)
        return Literal(str(term), datatype=NamedNode(str(term.datatype)) if term.datatype else None)
    raise TypeError(f"cannot convert {term!r} to an RDF term")


def pairs(store: Store, predicate: str) -> Iterator[tuple[str, NamedNode | BlankNode | Literal]]:
    """(subject key, object) for every default-graph triple with ``predicate``."""
    for quad in store.quads_for_pattern(None, NamedNode(str(predicate)), None, DefaultGraph()):
        yield quad.subject.value, quad.object


def subjects(store: Store, predicate: str, obj: str) -> Iterator[str]:
    """Keys of the subjects of ``predicate obj`` in the default graph (``obj`` an IRI)."""
    for quad in store.quads_for_pattern(None, NamedNode(str(predicate)), NamedNode(str(obj)), DefaultGraph()):
        yield quad.subject.value


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
    according_to: tuple[str, ...] = ()  # ng:accordingTo: the quotations that stated it


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
    according_to: tuple[str, ...] = ()  # ng:accordingTo: the quotations that stated it


@dataclass(frozen=True)
class QuotationFact:
    """Words someone said (``direct``) or was reported to say, with who said them and whom they mention."""

    iri: str
    speaker: str | None  # None: an unnamed source ("officials said")
    text: str
    cue: str | None  # the cue lemma: "say", "warn"
    direct: bool
    about: tuple[str, ...]
    reported: str | None  # ng:reportedAt
    evidence: tuple[EdgeEvidence, ...]


@dataclass
class GraphFacts:
    """Everything the view is built from, keyed by IRI strings."""

    types: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    mentions: dict[str, list[Quote]] = field(default_factory=dict)  # entity -> one quote per mention
    memberships: list[MembershipFact] = field(default_factory=list)
    events: list[EventFact] = field(default_factory=list)
    quotations: list[QuotationFact] = field(default_factory=list)
    _quotation_index: dict[str, QuotationFact] = field(default_factory=dict, repr=False, compare=False)

    def quotation(self, iri: str) -> QuotationFact | None:
        """The quotation with that IRI (ng:accordingTo points at one), None if the graph has none."""
        if len(self._quotation_index) != len(self.quotations):
            self._quotation_index = {q.iri: q for q in self.quotations}
        return self._quotation_index.get(iri)


def iso_time(value: object) -> str | None:
    """An xsd:dateTime/xsd:date literal as a string that sorts in time order (an xsd:gYearMonth
    or xsd:gYear as written: "2024-08", "2016")."""
    if isinstance(value, Literal):  # read as rdflib reads it, so every datatype keeps its old meaning
        value = rdflib.Literal(value.value, lang=value.language,
                               datatype=None if value.language else rdflib.URIRef(value.datatype.value))
    if not isinstance(value, rdflib.Literal):
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


def one_object(store: Store, predicate: str) -> dict[str, object]:
    """subject → object for a predicate; the smallest object wins when several."""
    found: dict[str, object] = {}
    for key, o in pairs(store, predicate):
        if key not in found or o.value < found[key].value:
            found[key] = o
    return found


def all_objects(store: Store, predicate: str) -> dict[str, list[object]]:
    found: dict[str, list[object]] = defaultdict(list)
    for key, o in pairs(store, predicate):
        found[key].append(o)
    return found


_XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


def _flag(value: object) -> bool:
    return isinstance(value, Literal) and value.datatype.value == _XSD_BOOLEAN and value.value.strip() in ("true", "1")


def _number(value: object) -> float | None:
    if isinstance(value, Literal):
        try:
            return float(value.value)
        except ValueError:
            return None
    return None


def _text(value: object | None) -> str | None:
    return None if value is None else value.value


class _Sources:
    """Headline, time and link of posts and documents, inheriting from the document."""

    def __init__(self, store: Store, part_of: dict[str, object]) -> None:
        self._part_of = part_of
        self._headline = one_object(store, SCHEMA.headline)
        self._published = one_object(store, SCHEMA.datePublished)
        self._url = one_object(store, SCHEMA.url)
        self._origin = one_object(store, NG.source)
        self._cache: dict[str, Source] = {}

    def get(self, iri: str | None) -> Source | None:
        if iri is None:
            return None
        if iri not in self._cache:
            parent = self._part_of.get(iri)
            chain = [iri] + ([parent.value] if parent is not None else [])

            def first(table: dict[str, object]) -> object | None:
                return next((table[x] for x in chain if x in table), None)

            link = first(self._url) or first(self._origin)
            self._cache[iri] = Source(
                iri=iri,
                headline=_text(first(self._headline)),
                published=iso_time(first(self._published)),
                link=_text(link),
            )
        return self._cache[iri]


def read_facts(graph: GraphSource) -> GraphFacts:
    """Collect entities, mentions, memberships and events from the default graph of ``graph``."""
    store = default_store(graph)
    facts = GraphFacts()
    for cls in reversed(ENTITY_TYPES):  # Person wins over the rest when typed twice
        for subject in subjects(store, RDF.type, NG[cls]):
            facts.types[subject] = cls
    pref = one_object(store, SKOS.prefLabel)
    alt = all_objects(store, SKOS.altLabel)
    for iri in facts.types:
        facts.labels[iri] = pref[iri].value if iri in pref else local_name(iri)
        names = {a.value for a in alt.get(iri, ())} - {facts.labels[iri]}
        facts.aliases[iri] = tuple(sorted(names, key=lambda a: (a.casefold(), a)))

    part_of = one_object(store, SCHEMA.isPartOf)
    sources = _Sources(store, part_of)
    anchor = one_object(store, NIF.anchorOf)
    sentence_of = {**one_object(store, NIF.sentence), **one_object(store, OA.hasTarget)}

    def quote(thing: str) -> Quote:
        sentence = sentence_of.get(thing)
        key = sentence.value if sentence is not None else thing
        text = anchor.get(key, anchor.get(thing))
        return Quote(key=key, text=_text(text) or "", source=sources.get(_text(part_of.get(key, part_of.get(thing)))))

    for mention, entity in pairs(store, NG.refersTo):
        facts.mentions.setdefault(entity.value, []).append(quote(mention))

    extractor = one_object(store, NG.extractor)
    confidence = one_object(store, NG.confidence)
    derived = all_objects(store, PROV.wasDerivedFrom)

    def evidence(assertion: str) -> tuple[EdgeEvidence, ...]:
        found = []
        for ev in sorted(e.value for e in derived.get(assertion, ())):
            found.append(EdgeEvidence(quote(ev), _text(extractor.get(ev)), _number(confidence.get(ev))))
        return tuple(found)

    according = {key: tuple(sorted(q.value for q in qs)) for key, qs in all_objects(store, ACCORDING_TO).items()}
    _read_memberships(store, facts, evidence, pref, according)
    _read_events(store, facts, evidence, according)
    _read_quotations(store, facts, evidence)
    return facts


def _read_memberships(store: Store, facts: GraphFacts, evidence, role_label: dict[str, object], according) -> None:
    member, organisation, role = one_object(store, ORG.member), one_object(store, ORG.organization), one_object(store, ORG.role)
    former, nominated, elect = one_object(store, NG.former), one_object(store, NG.nominated), one_object(store, NG.elect)
    as_of = one_object(store, NG.asOf)
    for subject in sorted(set(subjects(store, RDF.type, ORG.Membership))):
        role_iri = role.get(subject)
        if role_iri is None:
            label = "member"
        elif role_iri.value in role_label:
            label = role_label[role_iri.value].value
        else:
            label = local_name(role_iri.value).replace("-", " ")
        facts.memberships.append(
            MembershipFact(
                iri=subject,
                member=_text(member.get(subject)),
                organisation=_text(organisation.get(subject)),
                role=label,
                former=_flag(former.get(subject)),
                nominated=_flag(nominated.get(subject)),
                elect=_flag(elect.get(subject)),
                as_of=iso_time(as_of.get(subject)),
                evidence=evidence(subject),
                according_to=according.get(subject, ()),
            )
        )


def _read_events(store: Store, facts: GraphFacts, evidence, according) -> None:
    kind, agent, target = one_object(store, NG.eventType), one_object(store, NG.agent), one_object(store, NG.target)
    place, stamp, modality = one_object(store, SEM.hasPlace), one_object(store, SEM.hasTimeStamp), one_object(store, NG.modality)
    modes, agent_sector, target_sector = one_object(store, NG.mode), one_object(store, NG.agentSector), one_object(store, NG.targetSector)
    reported = one_object(store, NG.reportedAt)
    for subject in sorted(set(subjects(store, RDF.type, NG.Event))):
        code = kind.get(subject)
        mode = modality.get(subject)
        how = modes.get(subject)
        facts.events.append(
            EventFact(
                iri=subject,
                type=local_name(code.value) if code is not None else "EVENT",
                agent=_text(agent.get(subject)),
                target=_text(target.get(subject)),
                place=_text(place.get(subject)),
                time=iso_time(stamp.get(subject)),
                modality=local_name(mode.value).lower() if mode is not None else "asserted",
                evidence=evidence(subject),
                mode=_mode_name(how.value) if how is not None else None,
                agent_sector=_local(agent_sector.get(subject)),
                target_sector=_local(target_sector.get(subject)),
                reported=iso_time(reported.get(subject)),
                according_to=according.get(subject, ()),
            )
        )


def _read_quotations(store: Store, facts: GraphFacts, evidence) -> None:
    speaker, text, cue = one_object(store, SPEAKER), one_object(store, SCHEMA.text), one_object(store, CUE)
    direct, reported, about = one_object(store, DIRECT), one_object(store, NG.reportedAt), all_objects(store, SCHEMA.about)
    for subject in sorted(set(subjects(store, RDF.type, QUOTATION))):
        facts.quotations.append(
            QuotationFact(
                iri=subject,
                speaker=_text(speaker.get(subject)),
                text=_text(text.get(subject)) or "",
                cue=_text(cue.get(subject)),
                direct=_flag(direct.get(subject)),
                about=tuple(sorted({a.value for a in about.get(subject, ()) if isinstance(a, NamedNode)})),
                reported=iso_time(reported.get(subject)),
                evidence=evidence(subject),
            )
        )


def _local(value: object | None) -> str | None:
    return None if value is None else local_name(value.value)


def _mode_name(iri: str) -> str:
    """``plover:ASSAULT-aerial`` → ``aerial``; any other IRI → its last segment."""
    name = local_name(iri)
    code, dash, rest = name.partition("-")
    return rest if dash and code.isupper() and rest else name

"""What the graph says about one IRI, read with a few SPARQL queries (run in a query worker).

Two readings: :func:`read_entity` gathers what an actor's page shows (names,
roles, events with their counterparts, quotations, evidence sentences with
their article and time, mentions); :func:`read_resource` the triples of any
other node (an event, a membership, a document). :func:`describe` is the
description a machine gets: the node's triples plus the memberships, events
and quotations it is in, with their evidence and the labels of the nodes
they name. IRIs reach the query text only as pyoxigraph has written them
(``str(NamedNode)``), which cannot hold ``>`` or spaces.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Store

PREFIXES = """
PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX schema: <https://schema.org/>
PREFIX schemahttp: <http://schema.org/>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""
NG = "https://w3id.org/newsgraph/ontology#"
ACTOR_CLASSES = {NG + name: name for name in ("Person", "Organisation", "State", "Place", "Actor")}
#: Most rows a page lists per section; a page says when there were more.
SECTION_LIMIT = 200


@dataclass(frozen=True)
class Link:
    iri: str
    label: str


@dataclass(frozen=True)
class Value:
    """An object of a triple: a link, or a literal's text with its language or datatype."""

    text: str
    link: Link | None = None
    note: str = ""  # "@en", or the datatype's local name


@dataclass(frozen=True)
class Evidence:
    sentence: str
    document: Link | None
    published: str | None
    extractor: str | None


@dataclass(frozen=True)
class Role:
    membership: Link
    member: Link
    role: str
    organisation: Link | None
    qualifiers: tuple[str, ...]
    as_of: str | None
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class EventItem:
    event: Link
    type: str
    mode: str | None
    modality: str | None
    agent: Link
    target: Link | None
    place: Link | None
    time: str | None
    reported: str | None
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Quotation:
    quotation: Link
    text: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class EntityView:
    iri: str
    name: str
    kinds: tuple[str, ...]
    aliases: tuple[str, ...]
    facts: tuple[tuple[str, str], ...]  # ("ISO 3166 alpha-3", "UKR")
    roles: tuple[Role, ...]  # posts the entity holds
    members: tuple[Role, ...]  # posts held in it (an organisation, a state)
    events: tuple[EventItem, ...]
    quotations: tuple[Quotation, ...]
    mentions: tuple[Evidence, ...]
    same_as: tuple[Link, ...]
    other: tuple[tuple[Link, Value], ...]  # the entity's statements no section above shows
    neighbours: tuple[Link, ...]
    truncated: tuple[str, ...]  # sections that show only their first SECTION_LIMIT rows


@dataclass(frozen=True)
class ResourceView:
    iri: str
    name: str
    outgoing: tuple[tuple[Link, Value], ...]
    incoming: tuple[tuple[Link, Link], ...]
    truncated: bool


def local_name(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1] or iri


def exists(store: Store, iri: str) -> bool:
    node = NamedNode(iri)
    return bool(store.query(f"ASK {{ {{ {node} ?p ?o }} UNION {{ ?s ?p {node} }} }}"))


def kinds_of(store: Store, iri: str) -> tuple[str, ...]:
    """The actor classes of ``iri`` (Person, State ...); empty for any other node."""
    node = NamedNode(iri)
    rows = store.query(f"SELECT DISTINCT ?c WHERE {{ {node} a ?c }}")
    return tuple(sorted(ACTOR_CLASSES[r["c"].value] for r in rows if r["c"].value in ACTOR_CLASSES))


def labels(store: Store, iris: Iterable[str]) -> dict[str, str]:
    """A readable name for each IRI: skos:prefLabel, else rdfs:label, schema:name or headline."""
    wanted = sorted({i for i in iris if i})
    found: dict[str, tuple[int, str]] = {}
    for start in range(0, len(wanted), 400):
        values = " ".join(str(NamedNode(i)) for i in wanted[start:start + 400])
        query = PREFIXES + f"""SELECT ?x ?rank ?l WHERE {{
          VALUES ?x {{ {values} }}
          VALUES (?p ?rank) {{ (skos:prefLabel 0) (rdfs:label 1) (schema:name 2) (schema:headline 3) }}
          ?x ?p ?l }}"""
        for row in store.query(query):
            key = (int(row["rank"].value), row["l"].value)
            iri = row["x"].value
            if iri not in found or key < found[iri]:
                found[iri] = key
    return {iri: found[iri][1] if iri in found else local_name(iri) for iri in wanted}


def _v(row, name: str) -> str | None:
    term = row[name]
    return None if term is None else term.value


def _values(iris: Iterable[str]) -> Iterable[str]:
    """``VALUES`` bodies of at most 400 IRIs each."""
    wanted = sorted(set(iris))
    for start in range(0, len(wanted), 400):
        yield " ".join(str(NamedNode(i)) for i in wanted[start:start + 400])


def _places(store: Store, parts: Iterable[str]) -> dict[str, tuple[str, str | None]]:
    """part (a post or a document) -> (its document, when the part was published)."""
    found: dict[str, tuple[str, str | None]] = {}
    for values in _values(parts):
        for r in store.query(PREFIXES + f"""SELECT ?part ?parent ?partTime ?docTime WHERE {{
            VALUES ?part {{ {values} }}
            OPTIONAL {{ ?part schema:isPartOf ?parent . OPTIONAL {{ ?parent schema:datePublished ?docTime }} }}
            OPTIONAL {{ ?part schema:datePublished ?partTime }} }}"""):
            part = _v(r, "part")
            found.setdefault(part, (_v(r, "parent") or part, _v(r, "partTime") or _v(r, "docTime")))
    return found


def _sourced(store: Store, rows: list[tuple[str, str, str | None]]) -> list[tuple[str, Evidence]]:
    """(key, sentence, part) rows as (key, Evidence) with the part's document, its headline and time."""
    places = _places(store, (part for _, _, part in rows if part))
    names = labels(store, (doc for doc, _ in places.values()))
    out = []
    for key, sentence, part in rows:
        doc, published = places.get(part, (None, None)) if part else (None, None)
        out.append((key, Evidence(sentence=sentence, document=Link(doc, names[doc]) if doc else None,
                                  published=published, extractor=None)))
    return out


def _evidence(store: Store, assertions: Iterable[str]) -> dict[str, list[Evidence]]:
    """Evidence sentences of each assertion (membership, event, quotation), oldest article first.

    The sentence is the evidence's own ``nif:anchorOf`` or that of the sentence it
    annotates (``oa:hasTarget``, or ``nif:sentence``); the article is the one the
    sentence is part of (a live blog's post), else the one the evidence is part of.
    """
    rows = []
    for values in _values(assertions):
        for r in store.query(PREFIXES + f"""SELECT ?a ?own ?said ?sentencePart ?part WHERE {{
            VALUES ?a {{ {values} }}
            ?a prov:wasDerivedFrom ?ev .
            OPTIONAL {{ ?ev nif:anchorOf ?own }}
            OPTIONAL {{ ?ev schema:isPartOf ?part }}
            OPTIONAL {{ ?ev oa:hasTarget|nif:sentence ?sentence .
                       OPTIONAL {{ ?sentence nif:anchorOf ?said }}
                       OPTIONAL {{ ?sentence schema:isPartOf ?sentencePart }} }} }}"""):
            rows.append((_v(r, "a"), _v(r, "own") or _v(r, "said") or "", _v(r, "sentencePart") or _v(r, "part")))
    found: dict[str, set[Evidence]] = {}
    for key, evidence in _sourced(store, rows):
        found.setdefault(key, set()).add(evidence)
    return {a: sorted(e, key=lambda x: (x.published or "", x.sentence)) for a, e in found.items()}


def _mentions(store: Store, node: NamedNode, truncated: list[str]) -> list[Evidence]:
    """The sentences the entity is mentioned in, with their article and time."""
    rows = [(str(i), _v(r, "text"), _v(r, "sentencePart") or _v(r, "part")) for i, r in enumerate(store.query(
        PREFIXES + f"""SELECT DISTINCT ?text ?sentencePart ?part WHERE {{
          ?m ng:refersTo {node} ; nif:sentence ?s . ?s nif:anchorOf ?text .
          OPTIONAL {{ ?s schema:isPartOf ?sentencePart }} OPTIONAL {{ ?m schema:isPartOf ?part }}
        }} ORDER BY ?text LIMIT {SECTION_LIMIT + 1}"""))]
    found = sorted({e for _, e in _sourced(store, _limited(rows, "mentions", truncated))},
                   key=lambda e: (e.published or "", e.sentence))
    return found


def _limited(rows: list, name: str, truncated: list[str]) -> list:
    if len(rows) > SECTION_LIMIT:
        truncated.append(name)
    return rows[:SECTION_LIMIT]


def read_entity(store: Store, iri: str, kinds: tuple[str, ...]) -> EntityView:
    node = NamedNode(iri)
    truncated: list[str] = []
    names, aliases, facts, same, other = [], set(), [], [], []
    for row in store.query(PREFIXES + f"""SELECT ?p ?o WHERE {{
        {{ {node} ?p ?o }} UNION {{ ?o owl:sameAs {node} BIND(owl:sameAs AS ?p) }} }}
        ORDER BY ?p ?o LIMIT {SECTION_LIMIT}"""):
        p, o = row["p"].value, row["o"]
        if p.endswith(("#prefLabel", "rdf-schema#label")) and isinstance(o, Literal):
            names.append((0 if p.endswith("prefLabel") else 1, o.value))
        elif p.endswith("#altLabel") and isinstance(o, Literal):
            aliases.add(o.value)
        elif p == NG + "iso3":
            facts.append(("ISO 3166 alpha-3", o.value))
        elif p == NG + "iso2":
            facts.append(("ISO 3166 alpha-2", o.value))
        elif p.endswith("owl#sameAs") and isinstance(o, NamedNode):
            same.append(o.value)
        elif not p.endswith(("rdf-syntax-ns#type", "ontology#lookupKey")):
            other.append((p, o))
    name = min(names)[1] if names else local_name(iri)
    aliases |= {n for _, n in names}
    aliases.discard(name)

    memberships = _limited(list(store.query(PREFIXES + f"""
        SELECT ?m ?member ?role ?org ?former ?nominated ?elect ?asOf WHERE {{
          {{ ?m org:member {node} }} UNION {{ ?m org:organization {node} }}
          ?m org:member ?member .
          OPTIONAL {{ ?m org:role ?role }} OPTIONAL {{ ?m org:organization ?org }}
          OPTIONAL {{ ?m ng:former ?former }} OPTIONAL {{ ?m ng:nominated ?nominated }}
          OPTIONAL {{ ?m ng:elect ?elect }} OPTIONAL {{ ?m ng:asOf ?asOf }}
        }} ORDER BY ?m LIMIT {SECTION_LIMIT + 1}""")), "roles", truncated)
    events = _limited(list(store.query(PREFIXES + f"""
        SELECT ?e ?type ?mode ?modality ?agent ?target ?place ?time ?reported WHERE {{
          {{ ?e ng:agent {node} }} UNION {{ ?e ng:target {node} }}
          ?e ng:eventType ?type ; ng:agent ?agent .
          OPTIONAL {{ ?e ng:target ?target }} OPTIONAL {{ ?e ng:mode ?mode }}
          OPTIONAL {{ ?e ng:modality ?modality }} OPTIONAL {{ ?e sem:hasPlace ?place }}
          OPTIONAL {{ ?e sem:hasTimeStamp ?time }} OPTIONAL {{ ?e ng:reportedAt ?reported }}
        }} ORDER BY STR(COALESCE(?time, ?reported)) ?e LIMIT {SECTION_LIMIT + 1}""")), "events", truncated)
    quotes = _limited(list(store.query(PREFIXES + f"""
        SELECT ?q (SAMPLE(?t) AS ?text) WHERE {{
          ?q ng:speaker|schema:spokenByCharacter|schemahttp:spokenByCharacter {node} ;
             schema:text|schemahttp:text|ng:quotedText ?t .
        }} GROUP BY ?q ORDER BY ?q LIMIT {SECTION_LIMIT + 1}""")), "quotations", truncated)
    mentions = _mentions(store, node, truncated)

    evidence = _evidence(store, [_v(r, "m") for r in memberships] + [_v(r, "e") for r in events]
                         + [_v(r, "q") for r in quotes])
    linked = {_v(r, k) for r in memberships for k in ("m", "member", "role", "org")}
    linked |= {_v(r, k) for r in events for k in ("e", "agent", "target", "place")}
    linked |= set(same) | {_v(r, "q") for r in quotes}
    linked |= {o.value for _, o in other if isinstance(o, NamedNode)}
    names_of = labels(store, (i for i in linked if i))

    def link(value: str | None) -> Link | None:
        return Link(value, names_of.get(value, local_name(value))) if value else None

    roles = [_role(r, link, evidence) for r in memberships]
    view_events = tuple(EventItem(
        event=link(_v(r, "e")), type=local_name(_v(r, "type")),
        mode=_mode(_v(r, "mode")), modality=local_name(_v(r, "modality")) if r["modality"] else None,
        agent=link(_v(r, "agent")), target=link(_v(r, "target")), place=link(_v(r, "place")),
        time=_v(r, "time"), reported=_v(r, "reported"), evidence=tuple(evidence.get(_v(r, "e"), ())),
    ) for r in events)
    neighbours = {link(i) for i in (
        [r.member.iri for r in roles] + [r.organisation.iri for r in roles if r.organisation]
        + [e.agent.iri for e in view_events] + [e.target.iri for e in view_events if e.target]
        + [e.place.iri for e in view_events if e.place]) if i != iri}
    return EntityView(
        iri=iri, name=name, kinds=kinds, aliases=tuple(sorted(aliases)), facts=tuple(sorted(facts)),
        roles=tuple(r for r in roles if r.member.iri == iri),
        members=tuple(r for r in roles if r.member.iri != iri),
        events=view_events,
        quotations=tuple(Quotation(link(_v(r, "q")), _v(r, "text") or "", tuple(evidence.get(_v(r, "q"), ())))
                         for r in quotes),
        mentions=tuple(mentions),
        same_as=tuple(sorted((link(i) for i in same), key=lambda lk: lk.label)),
        other=tuple((Link(p, local_name(p)), _value(o, names_of)) for p, o in other),
        neighbours=tuple(sorted(neighbours, key=lambda lk: (lk.label.lower(), lk.iri))),
        truncated=tuple(truncated),
    )


def _mode(value: str | None) -> str | None:
    return re.sub(r"^[A-Z]+-", "", local_name(value)) if value else None


def _role(r, link, evidence) -> Role:
    qualifiers = tuple(q for q in ("former", "nominated", "elect") if _v(r, q) in ("true", "1"))
    role_iri = _v(r, "role")
    return Role(membership=link(_v(r, "m")), member=link(_v(r, "member")),
                role=link(role_iri).label if role_iri else "member", organisation=link(_v(r, "org")),
                qualifiers=qualifiers, as_of=_v(r, "asOf"), evidence=tuple(evidence.get(_v(r, "m"), ())))


def _value(o, names: dict[str, str]) -> Value:
    if isinstance(o, NamedNode):
        return Value(o.value, Link(o.value, names.get(o.value, local_name(o.value))))
    if isinstance(o, Literal):
        return Value(o.value, None, f"@{o.language}" if o.language else local_name(o.datatype.value))
    return Value(str(o))


def read_resource(store: Store, iri: str) -> ResourceView:
    node = NamedNode(iri)
    out = list(store.query(f"SELECT ?p ?o WHERE {{ {node} ?p ?o }} ORDER BY ?p ?o LIMIT {SECTION_LIMIT + 1}"))
    inc = list(store.query(f"SELECT ?s ?p WHERE {{ ?s ?p {node} }} ORDER BY ?p ?s LIMIT {SECTION_LIMIT + 1}"))
    truncated = len(out) > SECTION_LIMIT or len(inc) > SECTION_LIMIT
    out, inc = out[:SECTION_LIMIT], inc[:SECTION_LIMIT]
    iris = [iri] + [r["o"].value for r in out if isinstance(r["o"], NamedNode)]
    iris += [r["s"].value for r in inc if isinstance(r["s"], NamedNode)]
    names = labels(store, iris)
    outgoing = [(Link(r["p"].value, local_name(r["p"].value)), _value(r["o"], names)) for r in out]
    incoming = [(Link(r["s"].value, names.get(r["s"].value, str(r["s"]))) if isinstance(r["s"], NamedNode)
                 else Link("", str(r["s"])), Link(r["p"].value, local_name(r["p"].value))) for r in inc]
    return ResourceView(iri=iri, name=names.get(iri, local_name(iri)), outgoing=tuple(outgoing),
                        incoming=tuple(incoming), truncated=truncated)


def describe(store: Store, iri: str) -> list:
    """The triples a machine gets for ``iri``: its own, and those of what it takes part in."""
    node = NamedNode(iri)
    # ?a: the node and what it takes part in. (A group is evaluated on its own before it is
    # joined, so a variable must be bound inside the group that uses it, never by BIND(?outer).)
    parts = f"{{ BIND({node} AS ?a) }} UNION {{ ?a org:member|org:organization|ng:agent|ng:target|ng:speaker {node} }}"
    query = PREFIXES + f"""
    CONSTRUCT {{ ?s ?p ?o . ?x skos:prefLabel ?label . }} WHERE {{
      {{ BIND({node} AS ?s) ?s ?p ?o }}
      UNION {{ ?s owl:sameAs {node} BIND(owl:sameAs AS ?p) BIND({node} AS ?o) }}
      UNION {{ {{ ?s org:member {node} }} UNION {{ ?s org:organization {node} }} ?s ?p ?o }}
      UNION {{ {{ ?s ng:agent {node} }} UNION {{ ?s ng:target {node} }} ?s ?p ?o }}
      UNION {{ ?s ng:speaker|schema:spokenByCharacter {node} . ?s ?p ?o }}
      UNION {{ {parts} ?a prov:wasDerivedFrom ?s . ?s ?p ?o }}
      UNION {{ {parts} ?a prov:wasDerivedFrom ?ev . ?ev oa:hasTarget ?s . ?s nif:anchorOf ?o
               BIND(nif:anchorOf AS ?p) }}
      UNION {{ {{ ?m org:member|org:organization {node} }} UNION {{ ?m ng:agent|ng:target {node} }}
               ?m org:member|org:organization|org:role|ng:agent|ng:target|sem:hasPlace ?x .
               ?x skos:prefLabel ?label }}
    }}"""
    return list(store.query(query))

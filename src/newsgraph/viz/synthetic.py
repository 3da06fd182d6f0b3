"""Synthetic graphs in the shape of docs/graph-model.md, for benchmarks and tests.

Real builds of a few articles give a few dozen nodes; to measure the page at
the size of a large news collection we need a graph of a chosen size whose
triples look exactly like a build's (entities, documents with posts,
sentences, mentions, memberships, events, evidence). The generator is seeded
and gives exactly ``nodes`` actors and ``edges`` merged edges: every extra
event it adds repeats the type and pair of an existing one, so it shows up as
a count, not as a new edge. Agent-only events (no ng:target, with a PLOVER
mode and an agent sector) are added on request; they are never edges, so
they leave the edge count alone. So are quotations (``quotations``): each
has a speaker (or none: an unnamed source), the actors it is about, a cue,
direct or reported words and the time it was reported, in the quotation
contract of docs/graph-model.md; every third one is also the source
(ng:accordingTo) of an event already written. Names are made up ("Person 0042").
Evidence is written as the store writes it: an annotation (oa:hasTarget) of
its sentence, part of its post.
"""
from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from rdflib import Graph, Literal, URIRef

from ..graph.iris import DEFAULT_BASE as BASE
from ..vocab import (
    NG,
    NG_IRI,
    NIF,
    OA,
    ORG,
    PLOVER,
    PLOVER_CODES,
    PROV,
    RDF,
    SCHEMA,
    SECTOR,
    SEM,
    SKOS,
    SYMMETRIC_EVENT_TYPES,
    XSD,
    plover_mode,
)

QUOTATION, SPEAKER, CUE, DIRECT, ACCORDING_TO = (URIRef(NG_IRI + name) for name in ("Quotation", "speaker", "cue", "direct", "accordingTo"))
CUES = ("say", "warn", "tell", "insist", "add")
ROLE_NAMES = ("minister", "president", "spokesperson", "ambassador", "chief executive", "secretary general")
SENTENCES_PER_POST = 12
POSTS_PER_DOC = 10
# (type, mode, sector of the agent) of the agent-only events, as a build writes them.
AGENT_ONLY = (("MOBILIZE", "troops", "military"), ("RETREAT", "resign", "government"),
              ("PROTEST", "strike", "labour"), ("ASSAULT", "aerial", "military"))


def synthetic_graph(
    nodes: int = 2000, edges: int = 6000, *, seed: int = 0, repeats: float = 0.2, agent_only: int = 0,
    quotations: int = 0,
) -> Graph:
    """A seeded contract-shaped graph with ``nodes`` actors and ``edges`` merged edges.

    About one edge in six is a role (person → organisation or state), the
    rest are events; ``repeats`` × ``edges`` further events repeat existing
    edges. Endpoints are drawn with heavy-tailed weights, so a few actors
    are hubs, as in news. ``agent_only`` events with no target come last
    (drawn with their own random stream, so the rest of the graph is the
    same with or without them), then ``quotations`` (their own stream too).
    """
    if nodes < 3:
        raise ValueError("a synthetic graph needs at least 3 nodes")
    rng = random.Random(seed)
    g = Graph()
    people, bodies = _entities(g, nodes)
    actors = people + bodies
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(actors))]
    rng.shuffle(weights)
    writer = _Writer(g, rng)

    roles_wanted = min(edges // 6, len(people) * len(bodies))
    seen: set[tuple] = set()
    while len(seen) < roles_wanted:
        person, body = rng.choice(people), rng.choice(bodies)
        role = rng.choice(ROLE_NAMES)
        if ("role", person, body, role) in seen:
            continue
        seen.add(("role", person, body, role))
        writer.membership(person, body, role)
    keys: list[tuple[str, URIRef, URIRef]] = []
    tries = 0
    while len(seen) < edges:
        tries += 1
        if tries > edges * 50:
            raise ValueError(f"cannot place {edges} distinct edges among {nodes} nodes")
        agent, target = rng.choices(actors, weights=weights, k=2)
        code = rng.choice(PLOVER_CODES)
        if agent == target:
            continue
        pair = tuple(sorted((agent, target))) if code in SYMMETRIC_EVENT_TYPES else (agent, target)
        if ("event", code, pair) in seen:
            continue
        seen.add(("event", code, pair))
        keys.append((code, agent, target))
        writer.event(code, agent, target)
    for _ in range(int(edges * repeats) if keys else 0):
        code, agent, target = rng.choice(keys)
        writer.event(code, *((target, agent) if code in SYMMETRIC_EVENT_TYPES and rng.random() < 0.5 else (agent, target)))
    extra = random.Random(f"{seed}-agent-only")
    for _ in range(agent_only):
        code, mode, sector = extra.choice(AGENT_ONLY)
        writer.event(code, extra.choices(actors, weights=weights)[0], None, mode=mode, sector=sector)
    said = random.Random(f"{seed}-quotations")
    for k in range(quotations):
        speaker = None if said.random() < 0.1 else said.choices(actors, weights=weights)[0]
        about = sorted(set(said.choices(actors, weights=weights, k=said.randint(0, 2))) - {speaker})
        according = said.choice(writer.events) if k % 3 == 0 and writer.events else None
        writer.quotation(speaker, about, said.choice(CUES), said.random() < 0.6, according)
    for entity in actors:  # every actor is mentioned at least once, as in a real build
        if entity not in writer.mentioned:
            writer.sentence([entity])
    return g


def _entities(g: Graph, nodes: int) -> tuple[list[URIRef], list[URIRef]]:
    n_people, n_orgs = int(nodes * 0.6), int(nodes * 0.25)
    n_states = nodes - n_people - n_orgs
    people, bodies = [], []
    for kind, count, cls, slug in (("Person", n_people, NG.Person, "person"),
                                   ("Organisation", n_orgs, NG.Organisation, "org"),
                                   ("State", n_states, NG.State, "state")):
        for i in range(count):
            iri = URIRef(f"{BASE}{slug}/{kind.lower()}-{i:04d}")
            g.add((iri, RDF.type, cls))
            g.add((iri, SKOS.prefLabel, Literal(f"{kind} {i:04d}")))
            g.add((iri, SKOS.altLabel, Literal(f"{kind[:3]}{i}")))
            (people if cls == NG.Person else bodies).append(iri)
    return people, bodies


class _Writer:
    """Adds documents, posts, sentences, mentions, memberships and events as a build would."""

    def __init__(self, g: Graph, rng: random.Random) -> None:
        self.g, self.rng = g, rng
        self.start = datetime(2024, 11, 13, 6, 0, tzinfo=timezone.utc)
        self.sentences = 0
        self.assertions = 0
        self.mentioned: set[URIRef] = set()
        self.events: list[URIRef] = []
        self.quotations = 0
        self.post: URIRef | None = None
        self.post_time: datetime = self.start
        self.doc: URIRef | None = None

    def _next_post(self) -> None:
        n = self.sentences // SENTENCES_PER_POST
        doc_no, post_no = divmod(n, POSTS_PER_DOC)
        self.doc = URIRef(f"{BASE}doc/synthetic-live-blog-{doc_no:04d}")
        self.post = URIRef(f"{self.doc}/post/{post_no + 1}")
        self.post_time = self.start + timedelta(minutes=20 * n)
        g = self.g
        if post_no == 0:
            g.add((self.doc, RDF.type, NG.Article))
            g.add((self.doc, RDF.type, NG.LiveBlog))
            g.add((self.doc, SCHEMA.headline, Literal(f"Synthetic live blog {doc_no}")))
            g.add((self.doc, SCHEMA.datePublished, Literal(self.post_time.isoformat(), datatype=XSD.dateTime)))
            g.add((self.doc, NG.source, Literal(f"https://news.example/live/{doc_no}")))
            g.add((self.doc, SCHEMA.url, URIRef(f"https://news.example/live/{doc_no}")))
            g.add((self.doc, NG.contentHash, Literal(f"sha256:{doc_no:064x}")))
        g.add((self.post, RDF.type, NG.Post))
        g.add((self.post, SCHEMA.isPartOf, self.doc))
        g.add((self.post, NG.position, Literal(post_no + 1)))
        g.add((self.post, SCHEMA.headline, Literal(f"Update {post_no + 1}")))
        g.add((self.post, SCHEMA.datePublished, Literal(self.post_time.isoformat(), datatype=XSD.dateTime)))

    def sentence(self, entities: list[URIRef], words: str | None = None) -> tuple[URIRef, str, int, int]:
        if self.sentences % SENTENCES_PER_POST == 0:
            self._next_post()
        self.sentences += 1
        names = [str(self.g.value(e, SKOS.prefLabel)) for e in entities]
        if words is not None:
            text = " and ".join(names) + (" were mentioned: " if names else "") + words
        else:
            text = " met ".join(names) + "." if len(names) > 1 else f"{names[0]} spoke."
        begin = (self.sentences % (SENTENCES_PER_POST * POSTS_PER_DOC)) * 200  # offsets run through the document
        iri = URIRef(f"{self.doc}#char={begin},{begin + len(text)}")
        g = self.g
        g.add((iri, RDF.type, NIF.Sentence))
        g.add((iri, NIF.anchorOf, Literal(text)))
        g.add((iri, NIF.beginIndex, Literal(begin)))
        g.add((iri, NIF.endIndex, Literal(begin + len(text))))
        g.add((iri, SCHEMA.isPartOf, self.post))
        offset = 0
        for entity, name in zip(entities, names):
            at = text.index(name, offset)
            offset = at + len(name)
            mention = URIRef(f"{self.doc}#char={begin + at},{begin + offset}")
            g.add((mention, RDF.type, NG.Mention))
            g.add((mention, NIF.anchorOf, Literal(name)))
            g.add((mention, NIF.beginIndex, Literal(begin + at)))
            g.add((mention, NIF.endIndex, Literal(begin + offset)))
            g.add((mention, NIF.sentence, iri))
            g.add((mention, NG.refersTo, entity))
            g.add((mention, SCHEMA.isPartOf, self.post))
            self.mentioned.add(entity)
        return iri, text, begin, begin + len(text)

    def _evidence(self, assertion: URIRef, entities: list[URIRef], extractor: str, words: str | None = None) -> None:
        sentence, _, _, _ = self.sentence(entities, words)
        evidence = URIRef(f"{BASE}evidence/{self.assertions:016x}")
        g = self.g
        g.add((evidence, RDF.type, NG.Evidence))
        g.add((evidence, OA.hasTarget, sentence))
        g.add((evidence, SCHEMA.isPartOf, self.post))
        g.add((evidence, NG.extractor, Literal(extractor)))
        g.add((evidence, NG.confidence, Literal(round(0.5 + 0.5 * self.rng.random(), 2))))
        g.add((assertion, PROV.wasDerivedFrom, evidence))

    def membership(self, person: URIRef, body: URIRef, role: str) -> None:
        self.assertions += 1
        iri = URIRef(f"{BASE}membership/{self.assertions:016x}")
        role_iri = URIRef(f"{BASE}role/{role.replace(' ', '-')}")
        g = self.g
        g.add((role_iri, RDF.type, ORG.Role))
        g.add((role_iri, SKOS.prefLabel, Literal(role)))
        g.add((iri, RDF.type, ORG.Membership))
        g.add((iri, ORG.member, person))
        g.add((iri, ORG.organization, body))
        g.add((iri, ORG.role, role_iri))
        for flag in (NG.former, NG.nominated, NG.elect):
            g.add((iri, flag, Literal(False)))
        self._evidence(iri, [person, body], "roles.apposition.v1")

    def event(self, code: str, agent: URIRef, target: URIRef | None, *, mode: str | None = None,
              sector: str | None = None) -> None:
        self.assertions += 1
        iri = URIRef(f"{BASE}event/{self.assertions:016x}")
        g = self.g
        g.add((iri, RDF.type, NG.Event))
        g.add((iri, NG.eventType, PLOVER[code]))
        g.add((iri, NG.agent, agent))
        self.events.append(iri)
        if target is not None:
            g.add((iri, NG.target, target))
        if mode:
            g.add((iri, NG.mode, plover_mode(code, mode)))
        if sector:
            g.add((iri, NG.agentSector, SECTOR[sector]))
        g.add((iri, NG.modality, NG.Asserted))
        self._evidence(iri, [agent] if target is None else [agent, target], "events.svo.v1")
        g.add((iri, SEM.hasTimeStamp, Literal(self.post_time.isoformat(), datatype=XSD.dateTime)))

    def quotation(self, speaker: URIRef | None, about: list[URIRef], cue: str, direct: bool,
                  according: URIRef | None) -> None:
        self.assertions += 1
        self.quotations += 1
        iri = URIRef(f"{BASE}quotation/{self.assertions:016x}")
        words = f"we will keep talking, whatever happens ({self.quotations})"
        g = self.g
        g.add((iri, RDF.type, QUOTATION))
        if speaker is not None:
            g.add((iri, SPEAKER, speaker))
        g.add((iri, SCHEMA.text, Literal(words, lang="en")))
        g.add((iri, CUE, Literal(cue)))
        g.add((iri, DIRECT, Literal(direct)))
        for entity in about:
            g.add((iri, SCHEMA.about, entity))
        self._evidence(iri, ([speaker] if speaker is not None else []) + about, "quotes.cue.v1", words)
        g.add((iri, NG.reportedAt, Literal(self.post_time.isoformat(), datatype=XSD.dateTime)))
        if according is not None:
            g.add((according, ACCORDING_TO, iri))

"""The one-graph writer of the build before the store: an rdflib graph of a whole build.

It stays, re-exported as ``newsgraph.graph.rdf.GraphWriter``, until the
pipeline writes every document through ``rdf.document_quads``; then it goes.
It writes what docs/graph-model.md described before the store (entity
labels as skos:prefLabel, evidence with its own span), and ``rdf.py`` is
where the graph is written now.
"""
from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from ..types import Document, Entity, Event, Membership, Provenance, Resolution
from ..vocab import NG, NIF, ORG, PLOVER, PROV, SCHEMA, SEM, SKOS, TIME, bind_prefixes, plover_mode, sector_iri
from .iris import Iris
from .rdf import _CLASS, _MODALITY, _position, _stated


def stated_literal(value, precision: str = "day") -> Literal:
    """A stated time as xsd:gYear, xsd:gYearMonth or xsd:date (xsd:dateTime only for a datetime
    given at day precision): a coarser time is never written as its first day or as midnight."""
    lexical, datatype = _stated(value, precision)
    return Literal(lexical, datatype=XSD[datatype])


def _instant_position(when) -> tuple[URIRef, Literal]:
    position, lexical, datatype = _position(when)
    return URIRef(position), Literal(lexical, datatype=XSD[datatype])


def _year(year: int) -> Literal:
    return Literal(f"{year:04d}", datatype=XSD.gYear)


def _nonneg(n: int) -> Literal:
    return Literal(n, datatype=XSD.nonNegativeInteger)


class GraphWriter:
    """Accumulates the graph of one build."""

    def __init__(self, base: str) -> None:
        self.iris = Iris(base)
        self.default = Graph()
        bind_prefixes(self.default)
        self.iris.bind(self.default)

    def _ctx(self, document_key: str) -> Graph:
        """The graph a document's own triples go to (see the module docstring)."""
        return self.default

    # ------------------------------------------------------------ documents

    def add_document(self, doc: Document) -> None:
        g, d = self._ctx(doc.key), self.iris.document(doc.key)
        g.add((d, RDF.type, NG.Article))
        if doc.is_live_blog:
            g.add((d, RDF.type, NG.LiveBlog))
        g.add((d, NG.source, Literal(doc.source)))
        g.add((d, NG.contentHash, Literal(doc.content_hash)))
        if doc.url:
            g.add((d, SCHEMA.url, URIRef(doc.url)))
        self._publication(g, d, doc.title, doc.published, doc.author)
        for post in doc.posts:
            p = self.iris.post(doc.key, post.index)
            g.add((p, RDF.type, NG.Post))
            g.add((p, SCHEMA.isPartOf, d))
            g.add((p, NG.position, Literal(post.index)))
            self._publication(g, p, post.headline, post.published, post.author)

    def _publication(self, g: Graph, node: URIRef, headline: str | None, published, author: str | None) -> None:
        """Headline, date and author, shared by articles and posts."""
        if headline:
            g.add((node, SCHEMA.headline, Literal(headline)))
        if published:
            g.add((node, SCHEMA.datePublished, Literal(published)))
        if author:
            g.add((node, SCHEMA.author, self._author(g, author)))

    def _author(self, g: Graph, name: str) -> URIRef:
        a = self.iris.author(name)
        g.add((a, RDF.type, SCHEMA.Person))
        g.add((a, SCHEMA.name, Literal(name)))
        return a

    def _container(self, document_key: str, post: int | None) -> URIRef:
        if post is not None:
            return self.iris.post(document_key, post)
        return self.iris.document(document_key)

    def _sentence(self, g: Graph, document_key: str, post: int | None, start: int, end: int, text: str) -> URIRef:
        s = self.iris.span(document_key, start, end)
        g.add((s, RDF.type, NIF.Sentence))
        g.add((s, NIF.anchorOf, Literal(text)))
        g.add((s, NIF.beginIndex, _nonneg(start)))
        g.add((s, NIF.endIndex, _nonneg(end)))
        g.add((s, SCHEMA.isPartOf, self._container(document_key, post)))
        return s

    # ------------------------------------------------------------ entities

    def add_entities(self, entities: Iterable[Entity]) -> None:
        g = self.default
        for e in entities:
            node = self.iris.entity(e.key)
            g.add((node, RDF.type, _CLASS[e.type]))
            g.add((node, SKOS.prefLabel, Literal(e.name)))
            for alias in e.aliases:
                g.add((node, SKOS.altLabel, Literal(alias)))
            if e.iso3:
                g.add((node, NG.iso3, Literal(e.iso3)))
            if e.iso2:
                g.add((node, NG.iso2, Literal(e.iso2)))

    def add_mentions(self, resolution: Resolution, sentences: dict[str, tuple]) -> None:
        """Mention nodes; ``sentences`` maps document key -> its Sentence records."""
        for rm in resolution.mentions:
            m = rm.mention
            g = self._ctx(rm.document)
            sent = sentences[rm.document][m.sentence]
            s = self._sentence(g, rm.document, sent.post, sent.start, sent.end, sent.text)
            node = self.iris.mention(rm.document, m.start, m.end)
            g.add((node, RDF.type, NG.Mention))
            g.add((node, NIF.anchorOf, Literal(m.text)))
            g.add((node, NIF.beginIndex, _nonneg(m.start)))
            g.add((node, NIF.endIndex, _nonneg(m.end)))
            g.add((node, NIF.sentence, s))
            g.add((node, NG.refersTo, self.iris.entity(rm.entity)))
            g.add((node, SCHEMA.isPartOf, self._container(rm.document, m.post)))

    # ------------------------------------------------------------ relations

    def _evidence(self, assertion: URIRef, prov: Provenance) -> URIRef:
        g = self._ctx(prov.document)
        s = self._sentence(g, prov.document, prov.post, prov.sentence_start, prov.sentence_end, prov.sentence_text)
        ev = self.iris.evidence(assertion, prov)
        g.add((ev, RDF.type, NG.Evidence))
        g.add((ev, NIF.anchorOf, Literal(prov.sentence_text)))
        g.add((ev, NIF.beginIndex, _nonneg(prov.sentence_start)))
        g.add((ev, NIF.endIndex, _nonneg(prov.sentence_end)))
        g.add((ev, NIF.sentence, s))
        g.add((ev, SCHEMA.isPartOf, self._container(prov.document, prov.post)))
        g.add((ev, NG.extractor, Literal(prov.extractor)))
        g.add((ev, NG.confidence, Literal(Decimal(f"{prov.confidence:.2f}"))))
        g.add((assertion, PROV.wasDerivedFrom, ev))
        return ev

    def add_memberships(self, memberships: Iterable[Membership]) -> None:
        g = self.default
        for ms in memberships:
            node = self.iris.membership(ms)
            role = self.iris.role(ms.role)
            g.add((node, RDF.type, ORG.Membership))
            g.add((node, ORG.member, self.iris.entity(ms.person)))
            if ms.organisation:
                g.add((node, ORG.organization, self.iris.entity(ms.organisation)))
            g.add((node, ORG.role, role))
            g.add((role, RDF.type, ORG.Role))
            g.add((role, SKOS.prefLabel, Literal(ms.role)))
            g.add((node, NG.former, Literal(ms.former)))
            g.add((node, NG.nominated, Literal(ms.nominated)))
            g.add((node, NG.elect, Literal(ms.elect)))
            if ms.date:
                g.add((node, NG.asOf, Literal(ms.date)))
            if ms.date or ms.began is not None or ms.ended is not None:
                self._member_during(g, node, ms)
            for prov in ms.provenance:
                self._evidence(node, prov)

    def _member_during(self, g: Graph, node: URIRef, ms: Membership) -> None:
        """org:memberDuring: a W3C Time interval placed against the as-of instant.

        A former post ended before it (time:before), a post the person is
        nominated or elected to has not begun (time:after), a post held now
        holds it (time:inside); years the text gives for the tenure are its
        time:hasBeginning and time:hasEnd. The interval hangs off the membership's IRI;
        the instant is named by its own time (``{base}instant/{ISO 8601}``), so
        a membership stated again at another time in a later build gains a
        second instant, never a second position for one instant.
        """
        during = URIRef(f"{node}/during")
        g.add((node, ORG.memberDuring, during))
        g.add((during, RDF.type, TIME.Interval))
        if ms.date:
            relation = TIME.before if ms.former else TIME.after if (ms.nominated or ms.elect) else TIME.inside
            g.add((during, relation, self._instant(g, *_instant_position(ms.date))))
        # Years of tenure the text states: the interval's beginning and end.
        if ms.began is not None:
            g.add((during, TIME.hasBeginning, self._instant(g, TIME.inXSDgYear, _year(ms.began))))
        if ms.ended is not None:
            g.add((during, TIME.hasEnd, self._instant(g, TIME.inXSDgYear, _year(ms.ended))))

    def _instant(self, g: Graph, position: URIRef, when: Literal) -> URIRef:
        instant = URIRef(f"{self.iris.base}instant/{when}")
        g.add((instant, RDF.type, TIME.Instant))
        g.add((instant, position, when))
        return instant

    def add_events(self, events: Iterable[Event]) -> None:
        g = self.default
        for ev in events:
            node = self.iris.event(ev)
            g.add((node, RDF.type, NG.Event))
            g.add((node, NG.eventType, PLOVER[ev.type]))
            g.add((node, NG.agent, self.iris.entity(ev.agent)))
            if ev.target:  # an agent-only event ("the minister resigned") has none
                g.add((node, NG.target, self.iris.entity(ev.target)))
            if ev.mode:
                g.add((node, NG.mode, plover_mode(ev.type, ev.mode)))
            if ev.agent_sector:
                g.add((node, NG.agentSector, sector_iri(ev.agent_sector)))
            if ev.target_sector:
                g.add((node, NG.targetSector, sector_iri(ev.target_sector)))
            g.add((node, NG.modality, _MODALITY[ev.modality]))
            if ev.place:
                g.add((node, SEM.hasPlace, self.iris.entity(ev.place)))
            if ev.time is not None:  # only what the text states, at the precision it states
                g.add((node, SEM.hasTimeStamp, stated_literal(ev.time, ev.time_precision)))
            if ev.reported is not None:
                g.add((node, NG.reportedAt, Literal(ev.reported)))
            for prov in ev.provenance:
                self._evidence(node, prov)

    # ------------------------------------------------------------ output

    def union(self) -> Graph:
        """Every triple written, with our prefixes bound."""
        return self.default

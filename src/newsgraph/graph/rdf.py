"""Records -> RDF: one document's quads in its named graph (docs/graph-model.md).

``document_quads`` writes everything one document says as pyoxigraph quads
in the graph ``Iris.document_graph(key)``: the document, its posts and its
text as a NIF context, the sentences and mentions that point into that
text, the types and names it gives entities, its memberships and events,
and the evidence that ties each of them to a sentence. What is derived
across documents (an entity's one skos:prefLabel, owl:sameAs, the default
graph as the union of the document graphs) is the store's
(``store/documents.py``). Terms are pyoxigraph's; no rdflib graph is built.

Every IRI is derived from content (``iris.py``), never from run order, so
the same records always give the same quads.

"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

import pyoxigraph as ox

from ..errors import GraphError
from ..types import AnalysedDocument, Entity, EntityType, Event, Membership, Provenance, Quotation, Resolution
from ..vocab import (DCTERMS, NG, NIF, OA, ORG, PLOVER, PROV, RDF, RDFS, SCHEMA, SEM, SKOS, TIME, plover_mode,
                     sector_iri)
from .iris import Iris

_CLASS = {
    EntityType.PERSON: NG.Person,
    EntityType.ORGANISATION: NG.Organisation,
    EntityType.STATE: NG.State,
    EntityType.PLACE: NG.Place,
}
_MODALITY = {"asserted": NG.Asserted, "negated": NG.Negated, "hypothetical": NG.Hypothetical}
_XSD = "http://www.w3.org/2001/XMLSchema#"
#: The EU Publications Office country authority: its codes are ISO 3166-1 alpha-3 where ISO assigns one.
COUNTRY_AUTHORITY = "http://publications.europa.eu/resource/authority/country/"
#: The language of the text, as NIF's nif:predLang wants it: a lexvo.org ISO 639-3 IRI.
ENGLISH = "http://lexvo.org/id/iso639-3/eng"


# ---------------------------------------------------------------- literals


def _stated(value: date, precision: str) -> tuple[str, str]:
    """Lexical form and XSD datatype of a stated time: xsd:gYear, xsd:gYearMonth or xsd:date
    (xsd:dateTime only for a datetime given at day precision), so a coarser time is never
    written as its first day or as midnight."""
    if precision == "year":
        return f"{value.year:04d}", "gYear"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}", "gYearMonth"
    if isinstance(value, datetime):
        return value.isoformat(), "dateTime"
    return value.isoformat(), "date"


def _position(when) -> tuple[str, str, str]:
    """The property, lexical form and XSD datatype that place a time:Instant: a date and time
    with a time zone as xsd:dateTimeStamp, anything less as the day."""
    if isinstance(when, datetime) and when.tzinfo is not None and when.utcoffset() is not None:
        return str(TIME.inXSDDateTimeStamp), when.isoformat(), "dateTimeStamp"
    day = when.date() if isinstance(when, datetime) else when
    return str(TIME.inXSDDate), day.isoformat(), "date"


@lru_cache(maxsize=None)
def _datatype(name: str) -> ox.NamedNode:
    return ox.NamedNode(_XSD + name)


def _typed(lexical: str, datatype: str) -> ox.Literal:
    return ox.Literal(lexical, datatype=_datatype(datatype))


def _when(value: date) -> ox.Literal:
    """A publication or as-of time: xsd:dateTime, or xsd:date when the source gives only the day."""
    return _typed(value.isoformat(), "dateTime" if isinstance(value, datetime) else "date")


def _offset(n: int) -> ox.Literal:
    return _typed(str(n), "nonNegativeInteger")


def _en(text: str) -> ox.Literal:
    return ox.Literal(text, language="en")


def _n(term) -> ox.NamedNode:
    """A vocabulary term or an ``Iris`` result as a pyoxigraph node."""
    return ox.NamedNode(str(term))


class _Terms:
    """A vocabulary's terms as pyoxigraph nodes, each made once (``_NG.Person``): a term of an
    rdflib namespace costs an attribute lookup, a URIRef and a NamedNode every time."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> ox.NamedNode:
        node = _n(getattr(self._namespace, name))
        setattr(self, name, node)
        return node


_DCTERMS, _NG, _NIF, _OA, _ORG, _PROV, _RDF, _RDFS, _SCHEMA, _SEM, _SKOS, _TIME = (
    _Terms(ns) for ns in (DCTERMS, NG, NIF, OA, ORG, PROV, RDF, RDFS, SCHEMA, SEM, SKOS, TIME))
_A = _RDF.type


# ---------------------------------------------------------------- authority links


@lru_cache(maxsize=1)
def _iso_countries() -> frozenset[str]:
    """The alpha-3 codes of ontology/states.csv that ISO 3166-1 assigns: all but the
    user-assigned ranges AAA-AAZ, QMA-QZZ, XAA-XZZ and ZZA-ZZZ (Kosovo's XKX), for which
    the EU authority mints codes of its own that cannot be derived."""
    from ..lexicon import load_lexicon

    def user_assigned(code: str) -> bool:
        return code.startswith(("AA", "X", "ZZ")) or "QMA" <= code <= "QZZ"

    return frozenset(code for code in load_lexicon().states if not user_assigned(code))


def country_authority(iso3: str | None) -> str | None:
    """The EU country authority IRI of a state's ISO 3166-1 alpha-3 code, or None when ISO
    assigns the code to no country: nothing is guessed."""
    return COUNTRY_AUTHORITY + iso3 if iso3 and iso3 in _iso_countries() else None


# ---------------------------------------------------------------- one document


class _DocumentQuads:
    """The quads of one document, each triple once, in the order written."""

    def __init__(self, iris: Iris, ad: AnalysedDocument) -> None:
        self.iris, self.ad, self.doc, self.key = iris, ad, ad.document, ad.document.key
        self.post_keys = iris.post_keys(ad.document.posts)
        self.graph = _n(iris.document_graph(self.key))
        self.context = _n(iris.context(self.key, len(ad.document.text)))
        self.triples: dict[tuple, None] = {}
        self._sentences: dict[tuple, ox.NamedNode] = {}  # a sentence's triples are added once
        self._entities: dict[str, ox.NamedNode] = {}
        self._containers: dict[int | None, ox.NamedNode] = {}  # the document's and its posts' nodes
        self.said: dict[tuple[int, int], Quotation] = {}  # quotations by their first span, for ng:accordingTo

    def add(self, s, p, o) -> None:
        self.triples[(s, p, o)] = None

    def _url(self) -> ox.NamedNode:
        try:
            return ox.NamedNode(self.doc.url)
        except ValueError:
            raise GraphError(f"the URL of {self.doc.source!r} is no IRI RDF can hold ({self.doc.url!r}):"
                             " give a well-formed http(s) URL") from None

    def _container(self, post: int | None) -> ox.NamedNode:
        node = self._containers.get(post)
        if node is None:
            iri = self.iris.document(self.key) if post is None else self.iris.post(self.key, self.post_keys[post])
            node = self._containers[post] = _n(iri)
        return node

    # ------------------------------------------------------------ document, posts, text

    def document(self) -> None:
        doc, d = self.doc, _n(self.iris.document(self.key))
        self.add(d, _A, _NG.Article)
        if doc.is_live_blog:
            self.add(d, _A, _NG.LiveBlog)
        self.add(d, _NG.source, ox.Literal(doc.source))
        self.add(d, _NG.contentHash, ox.Literal(doc.content_hash))
        if doc.url:
            self.add(d, _SCHEMA.url, self._url())
        self._publication(d, doc.title, doc.published, doc.author)
        for post in doc.posts:
            p = _n(self.iris.post(self.key, self.post_keys[post.index]))
            self.add(p, _A, _NG.Post)
            self.add(p, _SCHEMA.isPartOf, d)
            self.add(p, _NG.position, ox.Literal(post.index))
            self._publication(p, post.headline, post.published, post.author)
        self._context(d)

    def _publication(self, node: ox.NamedNode, headline: str | None, published, author: str | None) -> None:
        """Headline, time and author, shared by articles and posts."""
        if headline:
            self.add(node, _SCHEMA.headline, _en(headline))
        if published:
            self.add(node, _SCHEMA.datePublished, _when(published))
        if author:
            a = _n(self.iris.author(author))
            self.add(a, _A, _SCHEMA.Person)
            self.add(a, _SCHEMA.name, ox.Literal(author))
            self.add(node, _SCHEMA.author, a)

    def _context(self, d: ox.NamedNode) -> None:
        """The analysed text as the document's one nif:Context, the string every offset counts into.

        NIF 2.0 keeps nif:isString (and nif:anchorOf, of which it is a
        subproperty) a plain string and states the language once, on the
        context, with nif:predLang; dcterms:source is the article it was read
        from, nif:sourceUrl the page when there is one.
        """
        c, text = self.context, self.doc.text
        self.add(c, _A, _NIF.Context)
        self.add(c, _A, _NIF.RFC5147String)
        self.add(c, _NIF.isString, ox.Literal(text))
        self.add(c, _NIF.beginIndex, _offset(0))
        self.add(c, _NIF.endIndex, _offset(len(text)))
        self.add(c, _NIF.predLang, ox.NamedNode(ENGLISH))
        self.add(c, _DCTERMS.source, d)
        if self.doc.url:
            self.add(c, _NIF.sourceUrl, self._url())

    def entity(self, key: str) -> ox.NamedNode:
        node = self._entities.get(key)
        if node is None:
            node = self._entities[key] = _n(self.iris.entity(key))
        return node

    def sentence(self, start: int, end: int, text: str, post: int | None) -> ox.NamedNode:
        known = self._sentences.get((start, end, text, post))
        if known is not None:  # its triples are in already (adding them again changes nothing)
            return known
        s = self._sentences[(start, end, text, post)] = _n(self.iris.span(self.key, start, end))
        self.add(s, _A, _NIF.Sentence)
        self.add(s, _A, _NIF.RFC5147String)
        self.add(s, _NIF.anchorOf, ox.Literal(text))
        self.add(s, _NIF.beginIndex, _offset(start))
        self.add(s, _NIF.endIndex, _offset(end))
        self.add(s, _NIF.referenceContext, self.context)
        self.add(s, _SCHEMA.isPartOf, self._container(post))
        return s

    # ------------------------------------------------------------ entities and mentions

    def entities(self, entities: Iterable[Entity]) -> None:
        """What the document says each entity is and is called: its class, the name it gives
        it (rdfs:label; the store derives the one skos:prefLabel across documents), its other
        names, and a state's codes and authority link."""
        for e in entities:
            node = self.entity(e.key)
            self.add(node, _A, _n(_CLASS[e.type]))
            self.add(node, _RDFS.label, _en(e.name))
            for alias in e.aliases:
                if alias != e.name:
                    self.add(node, _SKOS.altLabel, _en(alias))
            if e.iso3:
                self.add(node, _NG.iso3, ox.Literal(e.iso3))
            if e.iso2:
                self.add(node, _NG.iso2, ox.Literal(e.iso2))
            authority = country_authority(e.iso3) if e.type is EntityType.STATE else None
            if authority:
                self.add(node, _SKOS.exactMatch, ox.NamedNode(authority))

    def mentions(self, resolution: Resolution) -> None:
        for rm in resolution.mentions:
            if rm.document != self.key:
                raise ValueError(f"a mention of document {rm.document!r} among those of {self.key!r}")
            m = rm.mention
            sent = self.ad.sentences[m.sentence]
            s = self.sentence(sent.start, sent.end, sent.text, sent.post)
            node = _n(self.iris.mention(self.key, m.start, m.end))
            self.add(node, _A, _NG.Mention)
            self.add(node, _NIF.anchorOf, ox.Literal(m.text))
            self.add(node, _NIF.beginIndex, _offset(m.start))
            self.add(node, _NIF.endIndex, _offset(m.end))
            self.add(node, _NIF.referenceContext, self.context)
            self.add(node, _NIF.sentence, s)
            self.add(node, _NG.refersTo, self.entity(rm.entity))
            self.add(node, _SCHEMA.isPartOf, self._container(m.post))

    # ------------------------------------------------------------ memberships and events

    def _evidence(self, assertion, provenance: Iterable[Provenance]) -> None:
        """Web Annotations of the sentences an assertion was read from (oa:hasTarget), each with
        the extractor and its confidence. The text and offsets are the sentence's own."""
        mine = [p for p in provenance if p.document == self.key]
        if not mine:
            raise ValueError(f"{assertion} has no evidence in document {self.key!r}")
        for prov in mine:
            s = self.sentence(prov.sentence_start, prov.sentence_end, prov.sentence_text, prov.post)
            ev = _n(self.iris.evidence(assertion, prov))
            self.add(ev, _A, _NG.Evidence)
            self.add(ev, _OA.hasTarget, s)
            self.add(ev, _SCHEMA.isPartOf, self._container(prov.post))
            self.add(ev, _NG.extractor, ox.Literal(prov.extractor))
            self.add(ev, _NG.confidence, _typed(f"{prov.confidence:.2f}", "decimal"))
            self.add(_n(assertion), _PROV.wasDerivedFrom, ev)

    def memberships(self, memberships: Iterable[Membership]) -> None:
        for ms in memberships:
            iri = self.iris.membership(ms)  # its identity holds the qualifiers (iris.py)
            node, role = _n(iri), _n(self.iris.role(ms.role))
            self.add(node, _A, _ORG.Membership)
            self.add(node, _ORG.member, self.entity(ms.person))
            if ms.organisation:
                self.add(node, _ORG.organization, self.entity(ms.organisation))
            self.add(node, _ORG.role, role)
            self.add(role, _A, _ORG.Role)
            self.add(role, _SKOS.prefLabel, _en(ms.role))
            self.add(node, _NG.former, ox.Literal(ms.former))
            self.add(node, _NG.nominated, ox.Literal(ms.nominated))
            self.add(node, _NG.elect, ox.Literal(ms.elect))
            if ms.date:
                self.add(node, _NG.asOf, _when(ms.date))
            if ms.date or ms.began is not None or ms.ended is not None:
                self._member_during(node, ms)
            self._according_to(node, ms.according_to)
            self._evidence(iri, ms.provenance)

    def _member_during(self, node: ox.NamedNode, ms: Membership) -> None:
        """org:memberDuring: a W3C Time interval placed against the as-of instant.

        A former post ended before it (time:before), a post the person is
        nominated or elected to has not begun (time:after), a post held now
        holds it (time:inside); years the text gives for the tenure are its
        time:hasBeginning and time:hasEnd. The instant is named by its own
        time (``{base}instant/{ISO 8601}``), so a membership stated again at
        another time gains a second instant, never a second position for one.
        """
        during = ox.NamedNode(f"{node.value}/during")
        self.add(node, _ORG.memberDuring, during)
        self.add(during, _A, _TIME.Interval)
        if ms.date:
            relation = TIME.before if ms.former else TIME.after if (ms.nominated or ms.elect) else TIME.inside
            self.add(during, _n(relation), self._instant(*_position(ms.date)))
        for relation, year in ((TIME.hasBeginning, ms.began), (TIME.hasEnd, ms.ended)):
            if year is not None:
                self.add(during, _n(relation), self._instant(str(TIME.inXSDgYear), f"{year:04d}", "gYear"))

    def _instant(self, position: str, lexical: str, datatype: str) -> ox.NamedNode:
        instant = ox.NamedNode(f"{self.iris.base}instant/{lexical}")
        self.add(instant, _A, _TIME.Instant)
        self.add(instant, ox.NamedNode(position), _typed(lexical, datatype))
        return instant

    def events(self, events: Iterable[Event]) -> None:
        for ev in events:
            iri = self.iris.event(ev)
            node = _n(iri)
            self.add(node, _A, _NG.Event)
            self.add(node, _NG.eventType, _n(PLOVER[ev.type]))
            self.add(node, _NG.agent, self.entity(ev.agent))
            if ev.target:  # an agent-only event ("the minister resigned") has none
                self.add(node, _NG.target, self.entity(ev.target))
            if ev.mode:
                self.add(node, _NG.mode, _n(plover_mode(ev.type, ev.mode)))
            if ev.agent_sector:
                self.add(node, _NG.agentSector, _n(sector_iri(ev.agent_sector)))
            if ev.target_sector:
                self.add(node, _NG.targetSector, _n(sector_iri(ev.target_sector)))
            self.add(node, _NG.modality, _n(_MODALITY[ev.modality]))
            if ev.place:
                self.add(node, _SEM.hasPlace, self.entity(ev.place))
            if ev.time is not None:  # only what the text states, at the precision it states
                self.add(node, _SEM.hasTimeStamp, _typed(*_stated(ev.time, ev.time_precision)))
            if ev.reported is not None:
                self.add(node, _NG.reportedAt, _when(ev.reported))
            self._according_to(node, ev.according_to)
            self._evidence(iri, ev.provenance)

    # ------------------------------------------------------------ quotations

    def _according_to(self, node: ox.NamedNode, first_span: tuple[int, int] | None) -> None:
        """A statement read from someone's words: the quotation, and its speaker as whom it is attributed to."""
        said = self.said.get(first_span) if first_span is not None else None
        if said is None:
            return
        self.add(node, _NG.accordingTo, _n(self.iris.quotation(self.key, *first_span)))
        if said.speaker is not None:
            self.add(node, _PROV.wasAttributedTo, self.entity(said.speaker))

    def _span(self, start: int, end: int) -> ox.NamedNode:
        """A stretch of the text as a NIF string of the document's context (RFC 5147 IRI)."""
        node = _n(self.iris.span(self.key, start, end))
        self.add(node, _A, _NIF.String)
        self.add(node, _A, _NIF.RFC5147String)
        self.add(node, _NIF.anchorOf, ox.Literal(self.doc.text[start:end]))
        self.add(node, _NIF.beginIndex, _offset(start))
        self.add(node, _NIF.endIndex, _offset(end))
        self.add(node, _NIF.referenceContext, self.context)
        return node

    def quotations(self, quotations: Iterable[Quotation]) -> None:
        """Who said what (docs/graph-model.md, Quotations): the words as @en text and as spans of the
        text, the cue, the speaker when the text names one, what the words mention, and evidence."""
        for q in quotations:
            if not q.spans:
                raise ValueError(f"a quotation of document {self.key!r} without words: {q.text!r}")
            iri = self.iris.quotation(self.key, *q.spans[0])
            node = _n(iri)
            self.add(node, _A, _NG.Quotation)
            if q.speaker is not None:
                self.add(node, _NG.speaker, self.entity(q.speaker))
            self.add(node, _SCHEMA.text, _en(q.text))
            self.add(node, _NG.cue, ox.Literal(q.cue))
            self.add(node, _NG.direct, ox.Literal(q.direct))
            for start, end in q.spans:
                self.add(node, _NG.content, self._span(start, end))
            if q.cue_span is not None:
                self.add(node, _NG.cueSpan, self._span(*q.cue_span))
            mine = [p for p in q.provenance if p.document == self.key]
            if mine:
                self.add(node, _SCHEMA.isPartOf, self._container(mine[0].post))
            if q.reported is not None:
                self.add(node, _NG.reportedAt, _when(q.reported))
            for key in q.about:
                self.add(node, _SCHEMA.about, self.entity(key))
            self._evidence(iri, q.provenance)


@dataclass(frozen=True)
class DocumentTriples:
    """One document's triples, each once, in the order written, and the named graph they go in.

    A store in this process takes them as N-Quads text (``statements``, then
    ``LocalBackend.load_nquads``), which Oxigraph parses without Python's lock, instead of one
    pyoxigraph ``Quad`` object per statement and graph."""

    graph: ox.NamedNode
    triples: tuple[tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, ox.NamedNode | ox.BlankNode | ox.Literal], ...]

    def __len__(self) -> int:
        return len(self.triples)

    def quads(self) -> list[ox.Quad]:
        return [ox.Quad(s, p, o, self.graph) for s, p, o in self.triples]

    def statements(self) -> list[str]:
        """Each triple as N-Triples terms, ``"<s> <p> o"``, without the closing dot."""
        return [f"{s} {p} {o}" for s, p, o in self.triples]


def document_triples(iris: Iris, ad: AnalysedDocument, resolution: Resolution,
                     memberships: Sequence[Membership], events: Sequence[Event],
                     quotations: Sequence[Quotation] = ()) -> DocumentTriples:
    """``document_quads`` as triples and their graph: what a build writes into its store."""
    out = _DocumentQuads(iris, ad)
    out.said = {q.spans[0]: q for q in quotations if q.spans}
    out.document()
    out.entities(resolution.entities)
    out.mentions(resolution)
    out.memberships(memberships)
    out.events(events)
    out.quotations(quotations)
    return DocumentTriples(out.graph, tuple(out.triples))


def document_quads(iris: Iris, ad: AnalysedDocument, resolution: Resolution,
                   memberships: Sequence[Membership], events: Sequence[Event],
                   quotations: Sequence[Quotation] = ()) -> list[ox.Quad]:
    """Everything one document says, as quads in its named graph ``iris.document_graph(key)``.

    ``resolution`` holds the entities the document names (with their final
    keys) and the document's own mentions; ``memberships``, ``events`` and
    ``quotations`` are the document's, each with evidence in it (ValueError
    otherwise: records of another document do not belong in this graph). A
    membership or event whose ``according_to`` names one of ``quotations``
    links to it. The same records give the same quads in the same order,
    each triple once.
    """
    return document_triples(iris, ad, resolution, memberships, events, quotations).quads()

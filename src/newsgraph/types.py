"""Plain records that pass between the pipeline stages.

Every record is a frozen dataclass made of strings, numbers, tuples and
datetimes: nothing from spaCy or rdflib crosses a stage boundary, so records
pickle small, hash, compare and can be shipped between processes.

Offsets are character offsets into ``Document.text`` (the text the pipeline
analyses), half-open ``[start, end)``, so ``doc.text[m.start:m.end] == m.text``.

    ingest     -> Document (with Post and Segment)
    nlp        -> AnalysedDocument (Sentence with Token, Mention)
    resolve    -> Resolution (Entity, mention -> entity key)
    relations  -> Membership, Event, Quotation (each with Provenance)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum


class EntityType(str, Enum):
    """The classes of things the graph names; values are ng: local names."""

    PERSON = "Person"
    ORGANISATION = "Organisation"
    STATE = "State"
    PLACE = "Place"

    @property
    def slug(self) -> str:
        """Path segment used in entity IRIs ({base}/person/..., {base}/org/...)."""
        return _TYPE_SLUGS[self]


_TYPE_SLUGS = {
    EntityType.PERSON: "person",
    EntityType.ORGANISATION: "org",
    EntityType.STATE: "state",
    EntityType.PLACE: "place",
}

ACTOR_TYPES = frozenset({EntityType.PERSON, EntityType.ORGANISATION, EntityType.STATE})


# ---------------------------------------------------------------- ingest


@dataclass(frozen=True)
class Post:
    """One entry of a live blog (an ordinary article has one post or none).

    ``start``/``end`` cover the post in ``Document.text`` (headline and body,
    not the sign-off line).
    """

    index: int
    start: int
    end: int
    headline: str | None = None
    author: str | None = None
    published: datetime | date | None = None  # a date when the source gives no time of day


@dataclass(frozen=True)
class Segment:
    """A stretch of ``Document.text`` that the NLP stage reads.

    Ingest decides what is analysed: headlines and bodies are segments;
    bylines, sign-offs, credits and publisher boilerplate are not. A headline
    is a segment of its own so that it never runs into the body's first
    sentence. ``post`` is the index of the post it belongs to, if any.
    """

    start: int
    end: int
    post: int | None = None
    kind: str = "body"  # "headline" | "body"


@dataclass(frozen=True)
class Document:
    """One input text with its metadata.

    ``source`` is the path (as given, POSIX separators) or URL it came from;
    ``key`` is a stable identifier derived from the source and used in IRIs;
    ``content_hash`` is ``sha256:<hex>`` of the raw bytes read, so a changed
    version of the same source can be told apart.
    """

    key: str
    source: str
    text: str
    content_hash: str
    segments: tuple[Segment, ...]
    posts: tuple[Post, ...] = ()
    title: str | None = None
    author: str | None = None
    published: datetime | date | None = None  # a date when the source gives no time of day
    url: str | None = None
    media_type: str = "text/plain"
    is_live_blog: bool = False


# ---------------------------------------------------------------- nlp


@dataclass(frozen=True)
class Token:
    """A token of a parsed sentence. ``i`` and ``head`` index ``Sentence.tokens``."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent_iob: str = "O"  # "B" | "I" | "O"
    ent_label: str = ""


@dataclass(frozen=True)
class Sentence:
    """A sentence with its parse, as plain records."""

    start: int
    end: int
    text: str
    post: int | None
    tokens: tuple[Token, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A span of text that names an entity, before resolution.

    ``label`` is the spaCy-style label (PERSON, ORG, GPE, NORP, LOC, FAC);
    ``hint`` is a lexicon identifier when a lexicon rule matched it
    (``state:UKR``, ``org:nato``), which resolution trusts over the label.
    ``sentence`` is the index into ``AnalysedDocument.sentences``.
    """

    start: int
    end: int
    text: str
    label: str
    sentence: int
    post: int | None = None
    hint: str | None = None
    source: str = "ner"  # "ruler" | "ner" | "ner-headline" | "ner-titlecase" (found in a headline)


@dataclass(frozen=True)
class AnalysedDocument:
    """The NLP stage's output for one document."""

    document: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    model: str = ""


# ---------------------------------------------------------------- resolve


@dataclass(frozen=True)
class Entity:
    """One real-world thing, with every surface form seen for it.

    ``key`` is type slug + "/" + identifier, e.g. ``person/antony-blinken``,
    ``state/UKR``, ``org/nato``; the graph stage turns it into an IRI.
    """

    key: str
    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    iso3: str | None = None
    iso2: str | None = None


@dataclass(frozen=True)
class ResolvedMention:
    """A mention linked to the entity it names, in a given document."""

    document: str  # Document.key
    mention: Mention
    entity: str  # Entity.key


@dataclass(frozen=True)
class Resolution:
    entities: tuple[Entity, ...]
    mentions: tuple[ResolvedMention, ...]


# ---------------------------------------------------------------- relations


@dataclass(frozen=True)
class Provenance:
    """Where an assertion comes from: which sentence, by which rule, how sure."""

    document: str  # Document.key
    post: int | None
    sentence_start: int
    sentence_end: int
    sentence_text: str
    extractor: str  # e.g. "roles.apposition.v1"
    confidence: float


@dataclass(frozen=True)
class Membership:
    """A person holds, held or is nominated to a post (org:Membership)."""

    person: str  # Entity.key
    role: str  # the post, lower case: "secretary of state"
    organisation: str | None = None  # Entity.key of the organisation or state
    former: bool = False
    nominated: bool = False
    elect: bool = False
    date: datetime | date | None = None
    provenance: tuple[Provenance, ...] = ()
    began: int | None = None  # the year the text says the post began ("since 2019"), if it says
    ended: int | None = None  # the year the text says it ended ("from 2014 to 2019"), if it says
    according_to: tuple[int, int] | None = None  # first span of the Quotation it was stated in, if any


@dataclass(frozen=True)
class Event:
    """Who did what (to whom), typed by a PLOVER code (``CONSULT``, ``ASSAULT``...).

    ``target`` is None for an event with no named target ("the minister
    resigned", "Kenyan nurses went on strike"). ``mode`` is a PLOVER mode of
    the type ("aerial" for ASSAULT, "arrest" for COERCE, "strike" for
    PROTEST), a concept ``plover:{type}-{mode}`` of ``ontology/plover.ttl``.
    ``agent_sector``/``target_sector`` say which part of an actor acted or was
    acted on when the text names a group rather than the actor itself
    ("Russian aircraft" -> state/RUS, "military"), a concept of the sector
    scheme in ``ontology/newsgraph.ttl``.
    ``time`` is when the event happened as the text states it ("on Tuesday",
    "in August", resolved against the publication date, see
    ``relations/when.py``), at ``time_precision`` ("day", "month" or "year";
    a month or year is given by its first day), or None when the text does
    not say; ``reported`` is when the post or article reporting it was
    published (a date when the source gives no time of day).
    """

    type: str
    agent: str  # Entity.key
    target: str | None = None  # Entity.key, or None: no named target
    place: str | None = None  # Entity.key of a Place
    time: date | None = None  # the stated time (a datetime only from callers that know one)
    modality: str = "asserted"  # "asserted" | "negated" | "hypothetical"
    provenance: tuple[Provenance, ...] = field(default=())
    mode: str | None = None  # PLOVER mode local name, e.g. "aerial", "arrest", "strike"
    agent_sector: str | None = None  # e.g. "military", "government", "rebels"
    target_sector: str | None = None
    time_precision: str = "day"  # "day" | "month" | "year": how much of ``time`` the text states
    reported: datetime | date | None = None  # publication time of the post or article
    according_to: tuple[int, int] | None = None  # first span of the Quotation it was stated in, if any


@dataclass(frozen=True)
class Quotation:
    """Who said what: a direct quotation ("...," she said) or reported speech ("X said that ...").

    ``speaker`` is the Entity.key of who said it, or None for an unnamed source
    ("officials said"): never a guess. ``text`` is the quoted words (the pieces
    of a quote split by its cue joined by a space) or the reported clause;
    ``spans`` are the offsets of its pieces in ``Document.text``; ``cue`` is the
    cue's lemma ("say", "tell", "according to") and ``cue_span`` its offsets,
    None when no cue word is in the text. ``about`` are the entities the words
    mention. ``reported`` is when the post or article was published.
    """

    speaker: str | None
    text: str
    spans: tuple[tuple[int, int], ...]
    cue: str
    direct: bool
    provenance: tuple[Provenance, ...] = field(default=())
    cue_span: tuple[int, int] | None = None
    about: tuple[str, ...] = ()
    reported: datetime | date | None = None

"""The network view: plain, frozen records of what the page draws.

The view sits between the RDF graph and everything that shows or measures it
(the HTML page, networkx analytics, GraphML/GEXF export), so that each of
those reads one simple structure instead of querying RDF again. Nothing here
refers to rdflib: IRIs are strings, times are ISO 8601 strings that sort in
time order (UTC, ``Z`` suffix, or a bare date).
"""
from __future__ import annotations

from dataclasses import dataclass

ENTITY_TYPES = ("Person", "Organisation", "State", "Place")
ACTOR_TYPES = ("Person", "Organisation", "State")


@dataclass(frozen=True)
class Source:
    """The article or live-blog post a sentence comes from.

    ``link`` is the article's URL (``schema:url``) or, failing that, its
    ``ng:source`` (a URL or a path as given to the build).
    """

    iri: str
    headline: str | None = None
    published: str | None = None
    link: str | None = None


@dataclass(frozen=True)
class Quote:
    """A sentence of an article, as evidence that something was said."""

    key: str  # the sentence IRI (or the mention/evidence IRI without one)
    text: str
    source: Source | None = None


@dataclass(frozen=True)
class EdgeEvidence:
    """One piece of provenance of an edge: the sentence, the rule, how sure."""

    quote: Quote
    extractor: str | None = None
    confidence: float | None = None


@dataclass(frozen=True)
class Quotation:
    """Words a speaker said (``direct``: the quoted words) or was reported to say.

    ``speaker`` is the entity's IRI, None for an unnamed source ("officials
    said"); ``about`` the entities the words mention. ``time`` is when the
    report was published (ng:reportedAt, else its article's or post's time).
    """

    id: str  # the quotation IRI
    text: str
    speaker: str | None = None
    speaker_label: str | None = None
    cue: str | None = None  # the cue lemma: "say", "warn"
    direct: bool = True
    about: tuple[str, ...] = ()
    time: str | None = None
    evidence: tuple[EdgeEvidence, ...] = ()

    def said_by(self) -> str:
        """Who said it, as the page writes it after "according to"."""
        return self.speaker_label or "an unnamed source"


@dataclass(frozen=True)
class Action:
    """An event with no target ("the minister resigned"): listed on its agent's node, never drawn as an edge."""

    id: str  # the event IRI
    type: str  # the PLOVER code
    mode: str | None = None  # "aerial" for plover:ASSAULT-aerial
    sector: str | None = None  # which part of the agent acted: "military"
    modality: str = "asserted"  # "asserted" | "negated" | "hypothetical"
    place: str | None = None  # the place's name
    time: str | None = None  # the event's own time (sem:hasTimeStamp), when stated
    times: tuple[str, ...] = ()  # for the time filter: that time, else when its evidence was published
    evidence: tuple[EdgeEvidence, ...] = ()
    according_to: tuple[str, ...] = ()  # who stated it (Quotation.said_by), when it came from a quotation


@dataclass(frozen=True)
class ViewNode:
    """An actor (or a place) drawn as one node."""

    id: str  # the entity IRI
    label: str  # skos:prefLabel, the canonical name
    type: str  # one of ENTITY_TYPES
    aliases: tuple[str, ...] = ()
    mentions: int = 0  # number of ng:Mention that refer to it
    quotes: tuple[Quote, ...] = ()  # distinct sentences mentioning it, in time order
    roles: tuple[str, ...] = ()  # "former secretary of state — United States"
    times: tuple[str, ...] = ()  # distinct publication times of those sentences, and times of its actions
    actions: tuple[Action, ...] = ()  # events it did with no target, in time order
    quotations: tuple[Quotation, ...] = ()  # what it said, in time order

    def names(self) -> tuple[str, ...]:
        """Every name the node answers to: the label first, then aliases."""
        return (self.label, *self.aliases)


@dataclass(frozen=True)
class ViewEdge:
    """Roles, events (merged by type and pair) or event places, drawn as one edge.

    ``kind`` is ``role`` (person → organisation/state, ``type`` the post),
    ``event`` (``type`` the PLOVER code) or ``place`` (participant → place of
    an event, only when places are shown). ``count`` is how many memberships
    or events were merged into the edge.
    """

    id: str
    source: str
    target: str
    kind: str
    type: str
    label: str
    count: int = 1
    directed: bool = True
    modality: str = "asserted"  # "asserted" | "negated" | "hypothetical"
    evidence: tuple[EdgeEvidence, ...] = ()
    times: tuple[str, ...] = ()
    according_to: tuple[str, ...] = ()  # who stated its roles or events, when they came from quotations


@dataclass(frozen=True)
class NetworkView:
    """The nodes and edges to draw, after the places toggle, focus and size cap.

    ``quotations`` are those said by or about a drawn node (all of them when
    the view is not cut), in time order; ``communities`` are the Louvain
    communities of two or more drawn nodes, largest first, each listing its
    members' IRIs by degree (``newsgraph stats`` reports the same ones).
    """

    nodes: tuple[ViewNode, ...]
    edges: tuple[ViewEdge, ...]
    quotations: tuple[Quotation, ...] = ()
    communities: tuple[tuple[str, ...], ...] = ()

    def node(self, node_id: str) -> ViewNode:
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)

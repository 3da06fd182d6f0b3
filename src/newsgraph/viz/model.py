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


@dataclass(frozen=True)
class NetworkView:
    """The nodes and edges to draw, after the places toggle, focus and size cap."""

    nodes: tuple[ViewNode, ...]
    edges: tuple[ViewEdge, ...]

    def node(self, node_id: str) -> ViewNode:
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)

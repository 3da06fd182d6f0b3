"""Content negotiation: which of the formats a route can write the client asked for.

The ``Accept`` header decides (RFC 9110: quality values, ``type/*`` and
``*/*`` ranges, the most specific range wins). A ``format`` (or ``output``)
parameter with a short name such as ``csv`` or ``turtle`` is honoured as
well, since SPARQL clients such as SPARQLWrapper send one, and a browser
address bar cannot set headers. No ``Accept`` at all, or only ``*/*``,
gives the route's first offer.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pyoxigraph import QueryResultsFormat, RdfFormat


@dataclass(frozen=True)
class Offer:
    """A format a route can write: the media types that ask for it and the short names."""

    media_types: tuple[str, ...]
    names: tuple[str, ...]
    key: str  # what the route writes: "json", "turtle", "html" ...

    @property
    def media_type(self) -> str:
        return self.media_types[0]


#: SELECT and ASK answers, the SPARQL 1.1 results formats (JSON first: the default).
RESULTS_OFFERS: tuple[Offer, ...] = (
    Offer(("application/sparql-results+json", "application/json"), ("json",), "json"),
    Offer(("application/sparql-results+xml", "application/xml", "text/xml"), ("xml",), "xml"),
    Offer(("text/csv",), ("csv",), "csv"),
    Offer(("text/tab-separated-values",), ("tsv",), "tsv"),
)
#: CONSTRUCT and DESCRIBE answers, and an entity's description for machines (Turtle first).
GRAPH_OFFERS: tuple[Offer, ...] = (
    Offer(("text/turtle", "application/x-turtle"), ("turtle", "ttl"), "turtle"),
    Offer(("application/n-triples",), ("ntriples", "nt", "n-triples"), "ntriples"),
    Offer(("application/ld+json", "application/json"), ("jsonld", "json-ld", "json"), "jsonld"),
    Offer(("application/rdf+xml",), ("rdfxml", "rdf", "xml"), "rdfxml"),
)
HTML_OFFER = Offer(("text/html", "application/xhtml+xml"), ("html",), "html")
#: An entity's page: HTML for a browser (and for a client that does not say), RDF for a machine.
PAGE_OFFERS: tuple[Offer, ...] = (HTML_OFFER, *GRAPH_OFFERS)

RESULTS_FORMATS: dict[str, QueryResultsFormat] = {
    "json": QueryResultsFormat.JSON, "xml": QueryResultsFormat.XML,
    "csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV,
}
RDF_FORMATS: dict[str, RdfFormat] = {
    "turtle": RdfFormat.TURTLE, "ntriples": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD, "rdfxml": RdfFormat.RDF_XML,
}


def content_type(offer: Offer) -> str:
    """The Content-Type header for an answer in ``offer``'s format (text/* says its charset)."""
    media = offer.media_type
    return f"{media}; charset=utf-8" if media.startswith("text/") or media.endswith("json") else media


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """``[(media range, quality)]`` of an Accept header; malformed parts are skipped."""
    ranges: list[tuple[str, float]] = []
    for part in (header or "").split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if "/" not in media:
            continue
        quality = 1.0
        for field in fields[1:]:
            name, _, value = field.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = max(0.0, min(1.0, float(value)))
                except ValueError:
                    quality = 0.0
        ranges.append((media, quality))
    return ranges


def _quality(media_type: str, ranges: Sequence[tuple[str, float]]) -> float:
    """The quality the most specific matching range gives ``media_type`` (0: not acceptable)."""
    kind = media_type.split("/")[0]
    best: tuple[int, float] | None = None
    for media, quality in ranges:
        if media == media_type:
            specificity = 3
        elif media == f"{kind}/*":
            specificity = 2
        elif media == "*/*":
            specificity = 1
        else:
            continue
        if best is None or specificity > best[0]:
            best = (specificity, quality)
    return best[1] if best else 0.0


def _offer_quality(offer: Offer, ranges: Sequence[tuple[str, float]]) -> float:
    """A media type the client names outright decides; else wildcards decide for the main one.

    So ``text/turtle;q=0, */*`` refuses Turtle even though ``*/*`` covers its alias
    ``application/x-turtle``.
    """
    named = [quality for media, quality in ranges if media in offer.media_types]
    return max(named) if named else _quality(offer.media_type, ranges)


def choose(offers: Sequence[Offer], accept: str | None, name: str | None = None) -> Offer | None:
    """The offer the client prefers; None when it accepts none of them (answer 406).

    Ties go to the order of ``offers``: the route's own preference.
    """
    if name:
        wanted = name.strip().lower()
        for offer in offers:
            if wanted in offer.names or wanted in offer.media_types:
                return offer
    ranges = parse_accept(accept)
    if not ranges:
        return offers[0]
    scored = [(_offer_quality(offer, ranges), -i, offer) for i, offer in enumerate(offers)]
    quality, _, offer = max(scored, key=lambda s: (s[0], s[1]))
    return offer if quality > 0 else None


def not_acceptable_message(offers: Sequence[Offer]) -> str:
    kinds = ", ".join(o.media_type for o in offers)
    return f"none of the formats in the Accept header can be written here: ask for one of {kinds}"

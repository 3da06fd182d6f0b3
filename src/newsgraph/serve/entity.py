"""Dereferencing: a path under the server root names the IRI under the base, answered by content negotiation.

``GET /person/antony-blinken`` reads ``{base}person/antony-blinken``: a
browser gets the entity's page, a client asking for Turtle, N-Triples,
JSON-LD or RDF/XML gets its description (``describe.describe``). A path
that names no node of the graph is a 404 page; nothing is ever read from
the file system, so ``/ontology/../../etc/passwd`` is only an IRI that the
graph does not have.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

from pyoxigraph import NamedNode

from .describe import describe, exists, kinds_of, read_entity, read_resource
from .negotiation import PAGE_OFFERS, choose, content_type, not_acceptable_message
from .pages import PAGE_POLICY, entity_page, resource_page
from .replies import HTML, Reply, not_found_page, text_reply
from .served import ServedGraph
from .sparql import write_rdf

VARY = ("Vary", "Accept")


def candidate_iris(path: str, base: str) -> tuple[str, ...]:
    """The IRIs a request path may name: as sent (IRIs keep their percent-encoding), then decoded."""
    local = path.lstrip("/")
    if not local:
        return ()
    found = []
    for text in (base + local, base + unquote(local)):
        try:
            NamedNode(text)
        except ValueError:
            continue
        if text not in found:
            found.append(text)
    return tuple(found)


class _Reader:
    """The store, read with the same default graph as /sparql."""

    def __init__(self, graph: ServedGraph) -> None:
        self._store = graph.store
        self._union = graph.union_default

    def query(self, text: str):
        return self._store.query(text, use_default_graph_as_union=self._union)


@dataclass(frozen=True)
class PageTask:
    """Dereference one of ``candidates`` (the first the graph has) in the format the client accepts."""

    path: str
    candidates: tuple[str, ...]
    accept: str | None = None
    format: str | None = None

    def run(self, graph: ServedGraph) -> Reply:
        offer = choose(PAGE_OFFERS, self.accept, self.format)
        if offer is None:
            return text_reply(406, not_acceptable_message(PAGE_OFFERS), VARY)
        reader = _Reader(graph)
        iri = next((c for c in self.candidates if exists(reader, c)), None)
        if iri is None:
            message = f"the graph has no node {graph.base}{self.path.lstrip('/')}: see / to query it"
            if offer.key == "html":
                return not_found_page(self.path, message)
            return text_reply(404, message, VARY)
        if offer.key != "html":
            return Reply(200, content_type(offer), write_rdf(describe(reader, iri), offer.key, graph.prefixes),
                         (VARY,))
        kinds = kinds_of(reader, iri)
        page = (entity_page(read_entity(reader, iri, kinds), graph.base) if kinds
                else resource_page(read_resource(reader, iri), graph.base))
        return Reply(200, HTML, page.encode("utf-8"), (VARY, ("Content-Security-Policy", PAGE_POLICY)))

"""One document at a time, from its analysis to its named graph in a store.

``load_document`` is the whole per-document path after the NLP stage:
resolve the document's own mentions, match its entities to the store's
(``resolve/index.py``), extract its roles and events, write its quads and
replace its graph in one transaction (``store/documents.py``). It needs the
document and the store, nothing of the rest of the corpus, so the work per
document does not grow with the store.
"""
from __future__ import annotations

from dataclasses import dataclass

from .graph.iris import Iris
from .store.backend import Backend
from .store.documents import known_entities, replace_document
from .types import AnalysedDocument, Event, Membership, Resolution


@dataclass(frozen=True)
class Loaded:
    """What one document added: counted for the build's summary."""

    key: str
    entities: int
    memberships: int
    events: int
    quads: int


@dataclass(frozen=True)
class Extracted:
    """One document's records, with the store's entity keys, and the store's entities it shows
    to be one (retired key -> the key it is merged into)."""

    resolution: Resolution
    memberships: tuple[Membership, ...]
    events: tuple[Event, ...]
    merges: dict[str, str]


def extract_document(ad: AnalysedDocument, backend: Backend, iris: Iris) -> Extracted:
    """Entities (with the store's keys), roles and events of one analysed document."""
    from .relations import extract_relations
    from .resolve import add_referenced_states, resolve_entities
    from .resolve.index import apply_matches, match_or_merge

    local = resolve_entities([ad])
    known = known_entities(backend, iris, local.entities)
    decisions = {e.key: match_or_merge(e, known) for e in local.entities}
    merges = {retired: key for key, retired_keys in decisions.values() for retired in retired_keys}
    matches = {k: merges.get(key or k, key or k) for k, (key, _) in decisions.items()}
    resolution = apply_matches(local, matches)
    memberships, events = extract_relations([ad], resolution)
    resolution = add_referenced_states(resolution, memberships, events)
    return Extracted(resolution, tuple(memberships), tuple(events), merges)


def load_document(ad: AnalysedDocument, backend: Backend, iris: Iris) -> Loaded:
    from .graph.rdf import document_quads

    found = extract_document(ad, backend, iris)
    quads = document_quads(iris, ad, found.resolution, found.memberships, found.events)
    replace_document(backend, iris, ad.document.key, quads, merges=found.merges)
    return Loaded(ad.document.key, len(found.resolution.entities), len(found.memberships), len(found.events),
                  len(quads))

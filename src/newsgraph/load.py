"""One document at a time, from its analysis to its named graph in a store.

The per-document path after the NLP stage has two halves:

* ``extract_local`` needs the analysed document alone: resolve its own
  mentions, extract its roles and events, under the document's own entity
  keys. It is a pure function of plain records, so it runs in worker
  processes or on a Dask cluster, next to the NLP, and ships records back.
* ``reconcile`` needs the store: match the document's entities to those the
  store holds (``resolve/index.py``) and rename the records' keys to the
  store's.

``load_records`` then writes the document's quads and replaces its graph in
one transaction (``store/documents.py``). Nothing of the rest of the corpus
is needed, so the work per document does not grow with the store.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from .graph.iris import Iris
from .store.backend import Backend
from .store.documents import known_entities, replace_document
from .types import AnalysedDocument, Event, Membership, Quotation, Resolution


@dataclass(frozen=True)
class Loaded:
    """What one document added: counted for the build's summary."""

    key: str
    entities: int
    memberships: int
    events: int
    quads: int
    quotations: int = 0


@dataclass(frozen=True)
class LocalRecords:
    """One document's records under its own entity keys (sentences without tokens)."""

    analysed: AnalysedDocument
    resolution: Resolution
    memberships: tuple[Membership, ...]
    events: tuple[Event, ...]
    quotations: tuple[Quotation, ...] = ()


@dataclass(frozen=True)
class Extracted:
    """One document's records, with the store's entity keys, and the store's entities it shows
    to be one (retired key -> the key it is merged into)."""

    resolution: Resolution
    memberships: tuple[Membership, ...]
    events: tuple[Event, ...]
    merges: dict[str, str]
    quotations: tuple[Quotation, ...] = ()


def extract_local(ad: AnalysedDocument) -> LocalRecords:
    """Entities, roles and events of one analysed document, under its own keys; the tokens,
    which nothing after this needs, are dropped so the records ship small."""
    from .relations import extract_relations
    from .relations.attribution import attribute
    from .relations.quotes import extract_quotations
    from .resolve import add_referenced_states, resolve_entities

    resolution = resolve_entities([ad])
    memberships, events = extract_relations([ad], resolution)
    resolution = add_referenced_states(resolution, memberships, events)
    # Who said what, and which roles and events are only someone's word (docs/quotations.md).
    quotations, resolution = extract_quotations(ad, resolution, memberships)
    memberships, events = attribute(ad, resolution, memberships, events, quotations)
    light = replace(ad, sentences=tuple(replace(s, tokens=()) for s in ad.sentences))
    return LocalRecords(light, resolution, tuple(memberships), tuple(events), tuple(quotations))


def _rekeyed(records: LocalRecords, matches: Mapping[str, str],
             ) -> tuple[tuple[Membership, ...], tuple[Event, ...], tuple[Quotation, ...]]:
    """Roles, events and quotations under the store's keys. An event whose agent and target are
    one entity stays: PLOVER codes what one state's police do to its own rebels that way."""
    def key(k: str | None) -> str | None:
        return matches.get(k, k) if k is not None else None

    memberships = tuple(replace(m, person=key(m.person), organisation=key(m.organisation))
                        for m in records.memberships)
    events = tuple(replace(e, agent=key(e.agent), target=key(e.target), place=key(e.place))
                   for e in records.events)
    quotations = tuple(replace(q, speaker=key(q.speaker), about=tuple(dict.fromkeys(key(a) for a in q.about)))
                       for q in records.quotations)
    return memberships, events, quotations


def reconcile(records: LocalRecords, backend: Backend, iris: Iris) -> Extracted:
    """The document's records under the keys of the entities the store holds for them."""
    from .resolve.index import apply_matches, match_or_merge

    local = records.resolution
    known = known_entities(backend, iris, local.entities)
    decisions = {e.key: match_or_merge(e, known) for e in local.entities}
    merges = {retired: key for key, retired_keys in decisions.values() for retired in retired_keys}
    matches = {k: merges.get(key or k, key or k) for k, (key, _) in decisions.items()}
    memberships, events, quotations = _rekeyed(records, matches)
    return Extracted(apply_matches(local, matches), memberships, events, merges, quotations)


def store_found(analysed: AnalysedDocument, found: Extracted, backend: Backend, iris: Iris) -> Loaded:
    """Write a reconciled document's quads in place of its older version, in one transaction."""
    from .graph.rdf import document_triples

    triples = document_triples(iris, analysed, found.resolution, found.memberships, found.events, found.quotations)
    replace_document(backend, iris, analysed.document.key, triples, merges=found.merges)
    return Loaded(analysed.document.key, len(found.resolution.entities), len(found.memberships),
                  len(found.events), len(triples), len(found.quotations))


def load_records(records: LocalRecords, backend: Backend, iris: Iris) -> Loaded:
    """Reconcile one document's records with the store and replace its graph, in one transaction."""
    return store_found(records.analysed, reconcile(records, backend, iris), backend, iris)

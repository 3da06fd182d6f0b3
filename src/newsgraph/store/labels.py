"""The entity index of an embedded store, kept in memory while a build writes to it.

What a build asks the store about entities (``known_entities``: which
entities a lookup key finds and every name they are known by) and what
``replace_document`` derives from it (the one ``skos:prefLabel``, the lookup
keys) are functions of one thing: for each entity, how many document graphs
give it each ``rdfs:label`` and ``skos:altLabel``. :class:`EntityLabels`
holds exactly that, read from the store once (one query) and then kept in
step by the writes themselves, so a build into a store in this process asks
no query per document. Its size grows with the entities and their names, not
with the documents.

It is only valid while every write goes through ``store/documents.py``:
``LocalBackend.update`` forgets it, and a write of documents.py that is not
applied from it (a replaced or removed document, a merge) re-reads the
entities it touched (``refresh``).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from ..graph.iris import Iris
from ..resolve.index import Known, lookup_keys, type_of_key
from ..types import Entity
from ..vocab import RDFS, SKOS
from .backend import Backend

RDFS_LABEL = str(RDFS.label)
SKOS_ALT = str(SKOS.altLabel)
LABELS = (RDFS_LABEL, SKOS_ALT)

#: (property, label) -> the number of document graphs that state it, for one entity
Names = Counter[tuple[str, str]]


def best_label(canonical: Counter[str]) -> str:
    """The preferred label among the names documents give an entity: the fullest (most
    words), then the most documents, then the first in code-point order, so it depends on
    the set of documents, not their order."""
    return min(canonical, key=lambda n: (-len(n.split()), -canonical[n], n))


def preferred(names: Names) -> str | None:
    """The entity's ``skos:prefLabel`` given what the documents call it (None without an rdfs:label)."""
    canonical = Counter({label: n for (p, label), n in names.items() if p == RDFS_LABEL and n > 0})
    return best_label(canonical) if canonical else None


class EntityLabels:
    """Entity IRI -> the labels the document graphs give it, and lookup key -> entity IRIs."""

    def __init__(self, iris: Iris) -> None:
        self.iris = iris
        self.graph = str(iris.entities_graph())
        self.names: dict[str, Names] = {}
        self.by_lookup: dict[str, set[str]] = {}
        self._keys: dict[str, frozenset[str]] = {}

    @classmethod
    def load(cls, backend: Backend, iris: Iris) -> EntityLabels:
        """The index of everything the store holds, in one query."""
        index = cls(iris)
        index._read(backend, "")
        return index

    def _read(self, backend: Backend, values: str) -> dict[str, Names]:
        rows = backend.select(
            f"SELECT ?e ?p ?l (COUNT(DISTINCT ?g) AS ?n) WHERE {{ {values}"
            f" VALUES ?p {{ <{RDFS_LABEL}> <{SKOS_ALT}> }} GRAPH ?g {{ ?e ?p ?l }}"
            f" FILTER(?g != <{self.graph}>) }} GROUP BY ?e ?p ?l"
        )
        found: dict[str, Names] = {}
        for e, p, label, n in rows:
            found.setdefault(e.value, Counter())[(p.value, label.value)] = int(n.value)
        for e, names in found.items():
            self.set(e, names)
        return found

    def refresh(self, backend: Backend, entities: Iterable[str]) -> None:
        """Read again what the store holds for these entity IRIs (after a write made elsewhere)."""
        entities = sorted(set(entities))
        if not entities:
            return
        found = self._read(backend, f"VALUES ?e {{ {' '.join(f'<{e}>' for e in entities)} }}")
        for e in entities:
            if e not in found:
                self.set(e, Counter())

    def lookup_keys_of(self, entity: str, names: Names) -> frozenset[str]:
        key = self.iris.key_of(entity)
        etype = type_of_key(key) if key else None
        if etype is None:
            return frozenset()
        return frozenset(lookup_keys(etype, {label for (_, label), n in names.items() if n > 0}))

    def set(self, entity: str, names: Names) -> None:
        for k in self._keys.pop(entity, ()):
            self.by_lookup[k].discard(entity)
        names = +names  # drop what no document states any more
        if not names:
            self.names.pop(entity, None)
            return
        self.names[entity] = names
        self._keys[entity] = keys = self.lookup_keys_of(entity, names)
        for k in keys:
            self.by_lookup.setdefault(k, set()).add(entity)

    def known(self, entities: Sequence[Entity]) -> list[Known]:
        """``documents.known_entities`` from memory: the same candidates, the same names."""
        if not entities:
            return []
        keys = {k for e in entities for k in lookup_keys(e.type, (e.name, *e.aliases))}
        candidates = {iri for k in keys for iri in self.by_lookup.get(k, ())}
        candidates |= {str(self.iris.entity(e.key)) for e in entities}
        known = []
        for iri in candidates:
            names = self.names.get(iri)
            key = self.iris.key_of(iri)
            etype = type_of_key(key) if key else None
            if names and etype is not None:
                known.append(Known(key, etype, frozenset(label for _, label in names)))
        return sorted(known, key=lambda k: k.key)

    def added(self, labels: Iterable[tuple[str, str, str]]) -> dict[str, Names]:
        """The names of every entity a new document labels, once the document is in, from the
        document's (entity, property, label) label statements."""
        mine: dict[str, set[tuple[str, str]]] = {}
        for e, p, label in labels:
            mine.setdefault(e, set()).add((p, label))
        return {e: self.names.get(e, Counter()) + Counter(pairs) for e, pairs in mine.items()}

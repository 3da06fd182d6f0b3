"""Where quads live: the one seam between the build and a store.

A :class:`Backend` answers SPARQL SELECT queries and applies SPARQL 1.1
updates, each update as one transaction (all of it or none of it). That is
all the build needs, so the same code loads the scratch store of a plain
``--out`` build (in memory, then on disk past a size), an embedded on-disk
Oxigraph store (``--store DIR``) or a remote SPARQL 1.1 store
(``--store http://...``): the build writes each document as one update
string, and a store that applies updates atomically is left as it was
before the document or with all of it. An embedded store (:class:`LocalBackend`)
also takes a new document's statements as N-Quads text, one ``Store.load``,
which is one transaction too (``store/documents.py``).

Layout every backend holds (docs/store.md):

* one named graph per document, ``Iris.document_graph(key)``, with
  everything that document says;
* ``Iris.entities_graph()``: what is derived across documents (an
  entity's ``skos:prefLabel``, ``owl:sameAs`` from retired IRIs) and the
  lookup keys the entity index finds candidates by (``ng:lookupKey``);
* the default graph: the union of the document graphs plus the derived
  labels and links (never the lookup keys), kept as real triples, so a
  query over the default graph sees each fact once however many documents
  state it.
"""
from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from pyoxigraph import BlankNode, Literal, NamedNode, QuerySolutions, RdfFormat, Store

if TYPE_CHECKING:
    from .labels import EntityLabels

Term = NamedNode | BlankNode | Literal


@runtime_checkable
class Backend(Protocol):
    """A SPARQL 1.1 store the build reads its entity index from and writes documents to."""

    #: what the user named (a folder, a URL, "memory"), for messages
    location: str

    def select(self, query: str) -> list[tuple[Term | None, ...]]:
        """Rows of a SELECT query, each a tuple in the order of the projected variables."""
        ...

    def update(self, update: str) -> None:
        """Apply a SPARQL 1.1 update as one transaction; GraphError when the store refuses it."""
        ...

    def close(self) -> None:
        ...


#: Update text after which an on-disk store is flushed: RocksDB otherwise keeps
#: a memtable of up to 64 MB per index (Oxigraph has about ten) before writing
#: it out, and a build's memory grew by ~150 MB per large document.
FLUSH_AFTER = 16_000_000
#: what one quad written with ``load_nquads`` counts towards FLUSH_AFTER: about its N-Triples line
QUAD_BYTES = 150
#: Quads a scratch store holds in memory before it moves to disk (``spill``): about 150 MB
#: (~300 bytes a quad), some 280 articles of 250 words. Writing a quad into memory costs
#: a seventh of writing it into RocksDB (bench/README.md), so smaller builds never touch the disk.
SPILL_AFTER = 500_000
#: quads moved to disk per transaction when a scratch store spills
SPILL_CHUNK = 50_000


class LocalBackend:
    """A pyoxigraph Store in this process (in memory, or on disk: see ``store.folder``).

    Besides SPARQL it takes N-Quads text (``load_nquads``, one transaction), and it carries the
    entity index ``labels`` that ``store/documents.py`` keeps in memory for it (``store/labels.py``):
    an update that does not come from there makes it forget the index.
    """

    def __init__(self, store: Store | None = None, *, location: str = "memory", spill: str | None = None,
                 spill_after: int = SPILL_AFTER) -> None:
        self.store = store if store is not None else Store()
        self.location = location
        self._unflushed = 0
        self.labels: EntityLabels | None = None
        self.written = False  # a document was written through ``store/documents.py``
        #: a store in memory moves into a new store at this path once it holds ``spill_after`` quads
        self._spill, self._spill_after, self._quads = spill, spill_after, 0

    def select(self, query: str) -> list[tuple[Term | None, ...]]:
        solutions = self.store.query(query)
        if not isinstance(solutions, QuerySolutions):
            raise TypeError("select() takes a SELECT query")
        names = [v.value for v in solutions.variables]
        return [tuple(row[name] for name in names) for row in solutions]

    def update(self, update: str) -> None:
        self.labels = None  # whatever it changed, the index in memory may no longer match it
        self.store.update(update)
        self._written(len(update))

    def load_nquads(self, text: str, quads: int) -> None:
        """Add ``quads`` statements given as N-Quads text, as one transaction (all or none).
        The text is the store's own terms written out (``DocumentTriples``), so it is parsed
        leniently: its IRIs were checked when they became pyoxigraph terms."""
        self.store.load(text, RdfFormat.N_QUADS, lenient=True)
        self._written(quads * QUAD_BYTES)

    def _written(self, size: int) -> None:
        if self._spill is not None:
            self._quads += size // QUAD_BYTES
            if self._quads > self._spill_after:
                self._move_to_disk(self._spill)
            return
        if self.location != "memory":
            self._unflushed += size
            if self._unflushed > FLUSH_AFTER:
                self.store.flush()
                self._unflushed = 0

    def _move_to_disk(self, path: str) -> None:
        """Go on in a store on disk at ``path``, which takes every quad of the one in memory."""
        memory, self.store, self.location, self._spill = self.store, Store(path), path, None
        quads = iter(memory)
        while chunk := list(islice(quads, SPILL_CHUNK)):
            self.store.extend(chunk)
            self._written(len(chunk) * QUAD_BYTES)  # flushed as it goes, so memory stays bounded
        del memory, quads

    def close(self) -> None:
        if self.location != "memory":
            self.store.flush()

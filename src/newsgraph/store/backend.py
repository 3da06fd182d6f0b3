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
which is one transaction too (``store/documents.py``); a scratch store on
disk gathers them for bulk loads instead (``BULK_QUADS``).

Layout every backend holds (docs/store.md):

* one named graph per document, ``Iris.document_graph(key)``, with
  everything that document says (a build's scratch store keeps there only
  the document's labels and content hash: ``label_graphs``);
* ``Iris.entities_graph()``: what is derived across documents (an
  entity's ``skos:prefLabel``, ``owl:sameAs`` from retired IRIs) and the
  lookup keys the entity index finds candidates by (``ng:lookupKey``);
* the default graph: the union of the document graphs plus the derived
  labels and links (never the lookup keys), kept as real triples, so a
  query over the default graph sees each fact once however many documents
  state it.
"""
from __future__ import annotations

from collections.abc import Iterable
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
#: (~300 bytes a quad), some 530 articles of 250 words (its document graphs keep only labels:
#: ``label_graphs``). Writing a quad into memory costs a fraction of writing it into RocksDB and
#: of the compaction that follows, and reading the graph back for graph.ttl from memory a tenth of
#: reading it from disk (bench/README.md), so smaller builds never touch the disk.
SPILL_AFTER = 500_000
#: quads moved to disk per bulk load when a scratch store spills
SPILL_CHUNK = 50_000
#: quads of new documents a scratch store on disk gathers before it writes them with one bulk
#: load: Oxigraph's bulk loader writes sorted files straight into RocksDB, for half the CPU of a
#: transaction per document in the writing thread; RocksDB's compaction of those files takes most
#: of the saving back in its own threads, so a build's CPU is about the same, but less of it is in
#: the main process and the peak is lower (bench/README.md). A scratch store needs no
#: transaction: a build that fails throws it away. Any read or update writes what was gathered first.
BULK_QUADS = 50_000


class LocalBackend:
    """A pyoxigraph Store in this process (in memory, or on disk: see ``store.folder``).

    Besides SPARQL it takes N-Quads text (``load_nquads``, one transaction), and it carries the
    entity index ``labels`` that ``store/documents.py`` keeps in memory for it (``store/labels.py``):
    an update that does not come from there makes it forget the index.
    """

    def __init__(self, store: Store | None = None, *, location: str = "memory", spill: str | None = None,
                 spill_after: int | None = None, label_graphs: bool = False) -> None:
        self._store = store if store is not None else Store()
        self.location = location
        #: each document graph keeps only what the derived facts are computed from (the document's
        #: labels and its content hash), its other statements going to the default graph alone: for a
        #: store that only the default graph is read from, a scratch store (``store/documents.py``)
        self.label_graphs = label_graphs
        self._unflushed = 0
        self.labels: EntityLabels | None = None
        self.written = False  # a document was written through ``store/documents.py``
        #: a store in memory moves into a new store at this path once it holds ``spill_after`` quads
        #: (``SPILL_AFTER`` when not given)
        self._spill, self._quads = spill, 0
        self._spill_after = SPILL_AFTER if spill_after is None else spill_after
        #: N-Quads text gathered for one bulk load (a scratch store once on disk), its quads, its graphs
        self._pending: list[str] = []
        self._pending_quads = 0
        self._pending_graphs: set[str] = set()
        self._bulk = False

    @property
    def store(self) -> Store:
        """The pyoxigraph Store, holding every statement written so far."""
        self._load_pending()
        return self._store

    def holds_graph(self, graph: str) -> bool:
        """Whether any statement of the named graph ``graph`` was written (gathered ones included)."""
        if graph in self._pending_graphs:
            return True
        return next(iter(self._store.quads_for_pattern(None, None, None, NamedNode(graph))), None) is not None

    def select(self, query: str) -> list[tuple[Term | None, ...]]:
        solutions = self.store.query(query)
        if not isinstance(solutions, QuerySolutions):
            raise TypeError("select() takes a SELECT query")
        names = [v.value for v in solutions.variables]
        return [tuple(row[name] for name in names) for row in solutions]

    def update(self, update: str) -> None:
        self.labels = None  # whatever it changed, the index in memory may no longer match it
        self.store.update(update)  # after the gathered statements: it may delete some
        self._written(len(update))

    def load_nquads(self, text: str, quads: int, graphs: Iterable[str] = ()) -> None:
        """Add ``quads`` statements given as N-Quads text, as one transaction (all or none); a
        scratch store on disk gathers them for a bulk load (``BULK_QUADS``), and ``graphs``, the
        document graphs they fill, so that ``holds_graph`` knows them before. The text is the
        store's own terms written out (``DocumentTriples``), so it is parsed leniently: its IRIs
        were checked when they became pyoxigraph terms."""
        if self._bulk:
            self._pending.append(text)
            self._pending_quads += quads
            self._pending_graphs.update(graphs)
            if self._pending_quads >= BULK_QUADS:
                self._load_pending()
            return
        self._store.load(text, RdfFormat.N_QUADS, lenient=True)
        self._written(quads * QUAD_BYTES)

    def _load_pending(self) -> None:
        if self._pending:
            text = "".join(self._pending)
            self._pending, self._pending_quads, self._pending_graphs = [], 0, set()
            self._store.bulk_load(text, RdfFormat.N_QUADS, lenient=True)

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
        """Go on in a store on disk at ``path``, which takes every quad of the one in memory by
        bulk loads (half the CPU of transactions, and no memtable to flush), as new documents will."""
        memory, self._store, self.location, self._spill = self._store, Store(path), path, None
        quads = iter(memory)
        while chunk := list(islice(quads, SPILL_CHUNK)):
            self._store.bulk_extend(chunk)
        del memory, quads
        self._bulk = True

    def close(self) -> None:
        if self.location != "memory":
            self.store.flush()

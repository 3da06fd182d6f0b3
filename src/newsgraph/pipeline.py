"""The whole build: inputs -> documents -> records -> entities, relations -> RDF files.

``build`` is what ``newsgraph build`` calls; it takes a ``progress``
callback and a ``warn`` callback so the CLI (or any other caller) decides
how to show them. Output files are written to temporary files beside the
targets and renamed into place together (``outputs.commit``), under a lock
on the output folder, so an interrupted build never leaves a half-written
graph, nor a graph.ttl from one build beside a graph.html from another.
"""
from __future__ import annotations

import os
import sys
import time
from collections import deque
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path

from pyoxigraph import DefaultGraph, RdfFormat, Store, Triple, serialize
from rdflib import Graph

from .atomic import temp_path_for
from .errors import GraphError, InputError
from .graph.iris import DEFAULT_BASE, Iris
from .graph.rdf import document_quads
from .heap import Trimmer
from .load import Loaded, load_records
from .outputs import build_lock, commit, recover
from .progress import Progress, words_in
from .store import Backend, LocalBackend, open_store
from .types import AnalysedDocument, Document, Event, Membership, Resolution
from .vocab import NG, ORG, PREFIXES

PREFIXES_TEXT = {name: str(namespace) for name, namespace in PREFIXES.items()}


@dataclass(frozen=True)
class BuildResult:
    """Everything a build found, as records (before RDF)."""

    analysed: tuple[AnalysedDocument, ...]
    resolution: Resolution
    memberships: tuple[Membership, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True)
class BuildReport:
    out: Path | None
    graph_path: Path | None
    html_path: Path | None
    documents: int
    entities: int
    memberships: int
    events: int
    triples: int
    warnings: tuple[str, ...] = field(default=())
    quotations: int = 0
    unchanged: int = 0
    store: str | None = None
    seconds: float = 0.0  # wall time of the whole build
    words: int = 0  # words analysed (of the documents that were new or changed)
    loaded: dict[str, int] = field(default_factory=dict)  # what this run loaded: entities, ..., quads

    def summary(self) -> str:
        """One line per place written: the store (what this run loaded into it, entities counted per
        document), then graph.ttl (what the whole graph holds)."""
        whole = (f"{self.entities} entities, {self.memberships} roles, {self.events} events,"
                 f" {self.quotations} quotations ({self.triples} triples)")
        lines = []
        if self.store is not None:
            run = self.loaded
            news = (f"{run.get('entities', 0)} entities, {run.get('memberships', 0)} roles, {run.get('events', 0)}"
                    f" events, {run.get('quotations', 0)} quotations ({run.get('quads', 0)} quads)")
            lines.append(f"loaded {self.documents - self.unchanged} of {self.documents} documents into {self.store}"
                         f" ({self.unchanged} unchanged): {news}")
        if self.graph_path is not None:
            lines.append(f"wrote {self.graph_path}: {self.documents} documents, {whole}")
        return "\n".join(lines)


def extract(
    documents: Sequence[Document],
    *,
    model: str | None = None,
    progress: Callable[[Document], None] | None = None,
) -> BuildResult:
    """The records a build finds in documents, each resolved against those before it, in
    memory: the per-document path of ``build`` (``load.load_records``) without the files."""
    from .load import extract_local, reconcile, store_found
    from .nlp import analyse_documents

    backend, iris = LocalBackend(), Iris(DEFAULT_BASE)
    analysed, entities, mentions, memberships, events = [], {}, [], [], []
    for ad in analyse_documents(sorted(documents, key=lambda d: d.key), model=model, progress=progress):
        records = extract_local(ad)
        found = reconcile(records, backend, iris)
        store_found(records.analysed, found, backend, iris)  # the next document is resolved against it
        analysed.append(ad)
        entities.update({e.key: e for e in found.resolution.entities if e.key not in entities})
        mentions += found.resolution.mentions
        memberships += found.memberships
        events += found.events
    return BuildResult(tuple(analysed), Resolution(tuple(entities.values()), tuple(mentions)), tuple(memberships),
                       tuple(events))


def _of_document(result: BuildResult, key: str) -> tuple[Resolution, list[Membership], list[Event]]:
    """The records of one document of a result: its mentions, the entities they name (and any
    its roles and events refer to), its roles and events with their evidence from it alone."""
    mentions = tuple(rm for rm in result.resolution.mentions if rm.document == key)

    def own(records):
        for r in records:
            provenance = tuple(p for p in r.provenance if p.document == key)
            if provenance:
                yield replace(r, provenance=provenance)

    memberships, events = list(own(result.memberships)), list(own(result.events))
    named = {rm.entity for rm in mentions}
    named |= {k for m in memberships for k in (m.person, m.organisation) if k}
    named |= {k for e in events for k in (e.agent, e.target, e.place) if k}
    entities = tuple(e for e in result.resolution.entities if e.key in named)
    return Resolution(entities, mentions), memberships, events


def to_graph(result: BuildResult, *, base: str = DEFAULT_BASE) -> Graph:
    """The graph of a result's records, written document by document into a store in memory,
    as the build writes them; its default graph as an rdflib Graph."""
    from .store.documents import replace_document

    backend, iris = LocalBackend(), Iris(base)
    for ad in result.analysed:
        resolution, memberships, events = _of_document(result, ad.document.key)
        replace_document(backend, iris, ad.document.key, document_quads(iris, ad, resolution, memberships, events))
    graph = Graph(store="Oxigraph")
    graph.parse(data=default_graph_turtle(backend, dict(PREFIXES_TEXT) | iris.prefixes()), format="ox-turtle")
    return graph


def plain_text_metadata(published: str | None, url: str | None, timezone: str) -> dict[str, object]:
    """``--published`` and ``--url`` checked before any work: a bad one is a user error."""
    from .ingest.dates import parse_published, zone
    from .ingest.keys import is_url
    
    found: dict[str, object] = {}
    if published is not None:
        zone(timezone)
        when = parse_published(published, timezone)
        if when is None:
            raise InputError(f"--published {published!r} is not a date: give one such as 2025-03-03"
                             " or 2025-03-03T09:12:00+00:00")
        found["published"] = when
    if url is not None:
        if not is_url(url):
            raise InputError(f"--url {url!r} is not an http(s) URL: give one such as https://example.org/news/story")
        found["url"] = url
    return found


def _read(inputs: Sequence[str], *, root: str | None, doc_id: str | None, warn: Callable[[str], None],
          timezone: str, max_bytes: int | None, plain: dict[str, object], field_map: dict[str, str],
          ) -> list[Document]:
    """Every input document with its published source and stable key, sorted by key, so the
    order inputs are named in never changes the graph."""
    from .ingest import read_inputs
    from .ingest.keys import document_key, identify

    stdin = sys.stdin.buffer if "-" in inputs else None
    limit = {} if max_bytes is None else {"max_bytes": max_bytes}
    documents = [identify(d, root or os.curdir) for d in read_inputs(
        inputs, stdin=stdin, timezone=timezone, warn=warn, **limit, **plain, fields=field_map)]
    if doc_id is not None:
        if len(documents) > 1:
            raise InputError(f"--id {doc_id!r} names one document, but the inputs hold {len(documents)}:"
                             " give --id with a single input")
        documents = [identify(d, root or os.curdir, doc_id) for d in documents]
    documents = [part for d in documents for part in _in_parts(d, warn)]
    seen: set[str] = set()
    for i, doc in enumerate(documents):
        if doc.key in seen:  # two inputs given one canonical URL (--url on several files): name them by path
            warn(f"{doc.source}: another input has the URL {doc.url}; this one is named by its path")
            documents[i] = doc = replace(doc, key=document_key(doc.source))
        seen.add(doc.key)
    return sorted(documents, key=lambda d: d.key)


def _in_parts(doc: Document, warn: Callable[[str], None]) -> list[Document]:
    from .ingest import parts

    found = list(parts.parts_of(doc))
    if len(found) > 1:
        warn(f"{doc.source}: {len(doc.text):,} characters are built as {len(found)} parts of at most"
             f" {parts.PART_CHARS:,} ({doc.source}#part-1 ...), so memory stays bounded")
    return found


def build(
    inputs: Sequence[str],
    out: Path | None,
    *,
    store: str | None = None,
    root: str | None = None,
    doc_id: str | None = None,
    base: str = DEFAULT_BASE,
    model: str | None = None,
    write_html: bool = True,
    timezone: str = "UTC",
    max_bytes: int | None = None,
    warn: Callable[[str], None] | None = None,
    progress: Progress | None = None,
    published: str | None = None,
    url: str | None = None,
    fields: Sequence[str] = (),
    loaded: Callable[[Loaded], None] | None = None,
    workers: int = 1,
    dask: str | None = None,
) -> BuildReport:
    """Load the documents into a store (``store``: a folder or a URL; memory when None), one
    transaction per document, and write ``out/graph.ttl`` (and ``graph.html``) when ``out`` is given.

    A document the store holds in the same version is skipped; a changed one
    replaces its graph. ``published`` (a date or date and time as written on
    the command line) and ``url`` go to every plain-text input; ``fields``
    ("text=body") name the keys of JSON Lines and JSON records (see ``read_inputs``).
    ``workers`` processes (or the Dask scheduler ``dask``, "local" for a cluster on
    this machine) run the NLP and the per-document extraction; the graph is the same.
    """
    from .parallel import local_records
    from .store.documents import stored_hash

    began = time.monotonic()
    warnings: list[str] = []

    def _warn(message: str) -> None:
        warnings.append(message)
        if warn is not None:
            warn(message)

    from .ingest.readers import parse_field_options

    if out is None and store is None:
        raise GraphError("nothing to write: give --out DIR, --store DIR, or both")
    iris = Iris(base)  # a bad --base fails before any work
    plain = plain_text_metadata(published, url, timezone)  # so do a bad --published, --url
    field_map = parse_field_options(fields)  # and --field
    if out is not None:
        out = Path(out)
        if out.exists() and not out.is_dir():
            raise GraphError(f"output {str(out)!r} is a file, not a folder: give --out a folder")
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise GraphError(f"cannot create the output folder {str(out)!r}: {error.strerror or error}") from None
    with (build_lock(out) if out is not None else nullcontext()), open_store(store, iris.base, scratch=out) as (backend, _):
        where = backend.location if store is not None else None  # a URL without its credentials
        if out is not None:
            recover(out)  # a build killed earlier: finish its pair of files, drop its temporaries
        documents = _read(inputs, root=root, doc_id=doc_id, warn=_warn, timezone=timezone, max_bytes=max_bytes,
                          plain=plain, field_map=field_map)
        if not documents:
            _warn("no documents to read: wrote an empty graph" if store is None else "no documents to read")
        changed = deque(d for d in documents if stored_hash(backend, iris, d.key) != d.content_hash)
        document_count, unchanged = len(documents), len(documents) - len(changed)
        del documents
        words = sum(words_in(d) for d in changed)
        if progress is not None:
            progress.start(len(changed), words)

        def handed_out():  # each document's text is let go once it is handed to the NLP
            while changed:
                yield changed.popleft()

        run = dict.fromkeys(("entities", "memberships", "events", "quotations", "quads"), 0)
        trimmer = Trimmer()  # what a long document's analysis and update freed goes back to the system
        for records in local_records(handed_out(), model=model, workers=workers, dask=dask):
            done = load_records(records, backend, iris)
            trimmer.document_done(len(records.analysed.document.text))
            for name in run:
                run[name] += getattr(done, name)
            if progress is not None:
                progress.advance(records.analysed.document)
            if loaded is not None:
                loaded(done)
        # the file's counts are the whole graph's; a store build says what this run loaded, since
        # counting a store of millions of triples would cost more than adding an article to it
        counts = _counts(backend) if out is not None else {"triples": 0, **{k: v for k, v in run.items()
                                                                             if k != "quads"}}
        graph_path = html_path = None
        if out is not None:
            graph_path, html_path = _write_files(backend, iris, out, write_html)
    return BuildReport(out=out, graph_path=graph_path, html_path=html_path, documents=document_count,
                       unchanged=unchanged, store=where, warnings=tuple(warnings), **counts,
                       seconds=time.monotonic() - began, words=words, loaded=run)


def _counts(backend: Backend) -> dict[str, int]:
    """Entities, roles, events and triples of the default graph (the whole store's graph)."""
    def count(where: str) -> int:
        (row,) = backend.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
        return int(row[0].value)

    classes = " ".join(f"<{NG[c]}>" for c in ("Person", "Organisation", "State", "Place"))
    return {
        "triples": count("?s ?p ?o"),
        "entities": count(f"SELECT DISTINCT ?e WHERE {{ VALUES ?c {{ {classes} }} ?e a ?c }}"),
        "memberships": count(f"?m a <{ORG.Membership}>"),
        "events": count(f"?v a <{NG.Event}>"),
        "quotations": count(f"?q a <{NG.Quotation}>"),
    }


def _write_files(backend: Backend, iris: Iris, out: Path, write_html: bool) -> tuple[Path, Path | None]:
    """graph.ttl (the default graph) and graph.html, replaced as a pair."""
    graph_path = out / "graph.ttl"
    prefixes = PREFIXES_TEXT | iris.prefixes()
    staged: dict[str, Path | None] = {}
    html_path = None
    try:
        try:
            staged["graph.ttl"] = temp_path_for(graph_path)
            write_default_graph(backend, prefixes, staged["graph.ttl"])
        except OSError as error:
            raise GraphError(f"cannot write {str(graph_path)!r}: {error.strerror or error}") from None
        if write_html:
            from .viz import write_page

            staged["graph.html"] = temp_path_for(out / "graph.html")
            write_page(_page_source(backend, staged["graph.ttl"]), staged["graph.html"])
            html_path = out / "graph.html"
        else:
            staged["graph.html"] = None  # an older page would not match the new graph
        try:
            commit(out, staged)
        except OSError as error:
            raise GraphError(f"cannot write into {str(out)!r}: {error.strerror or error}") from None
    finally:
        for tmp in staged.values():
            if tmp is not None:
                tmp.unlink(missing_ok=True)
    return graph_path, html_path


def default_graph_turtle(backend: Backend, prefixes: dict[str, str]) -> bytes:
    """The default graph as Turtle; the same graph always gives the same bytes."""
    if isinstance(backend, LocalBackend):  # in the store's order, which its content decides
        return backend.store.dump(format=RdfFormat.TURTLE, from_graph=DefaultGraph(), prefixes=prefixes)
    rows = backend.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    triples = sorted((Triple(s, p, o) for s, p, o in rows), key=lambda t: (str(t.subject), str(t.predicate),
                                                                             str(t.object)))
    return serialize(triples, format=RdfFormat.TURTLE, prefixes=prefixes)


def write_default_graph(backend: Backend, prefixes: dict[str, str], path: Path) -> None:
    """The default graph as Turtle into ``path``, streamed from a local store (never whole in memory)."""
    if isinstance(backend, LocalBackend):
        backend.store.dump(output=str(path), format=RdfFormat.TURTLE, from_graph=DefaultGraph(), prefixes=prefixes)
    else:
        path.write_bytes(default_graph_turtle(backend, prefixes))


def _page_source(backend: Backend, turtle: Path) -> Store:
    """The store the page is drawn from: the build's own when it is in this process, else the
    Turtle just written, loaded once."""
    if isinstance(backend, LocalBackend):
        return backend.store
    store = Store()
    store.load(path=str(turtle), format=RdfFormat.TURTLE)
    return store

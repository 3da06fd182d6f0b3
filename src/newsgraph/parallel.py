"""The per-document work that needs no store, in this process, in N processes, or on Dask.

``local_records`` turns documents into ``LocalRecords`` (NLP, then
``load.extract_local``: the document's own entities, roles, events) in
input order, however it is computed:

* one process: spaCy's ``nlp.pipe`` batches the documents in a thread of
  its own (``ahead.read_ahead``), a few documents ahead of this one, which
  extracts and stores the ones before meanwhile: where spaCy's compiled
  layers and the store's writes release the GIL the two overlap (about a
  third of the extraction's time is hidden, bench/README.md);
* ``workers=N``: N worker processes, each loading the model once, take
  chunks of documents and send back plain records, never spaCy ``Doc``
  objects (NOTES-ecosystem: a pickled Doc is ~2 MB). Workers are started by
  a fork server, not forked from this process: a process with threads (a
  progress bar, a server, a test runner) can deadlock a child forked from it;
* ``dask``: a Dask distributed cluster; each worker loads the model once
  and returns records for a partition of documents.

Whatever computes them, records come back in input order and the caller
reconciles them with the store one by one, so the graph does not depend on
how the work was spread. At most a few chunks per worker are in flight, so
memory stays bounded whatever the number of documents.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence

from .ingest.parts import PART_CHARS
from .load import LocalRecords, extract_local
from .types import Document

#: characters of documents sent to a worker at once (at least one document):
#: about sixteen articles, so spaCy parses in full batches and a task's overhead
#: is small (8 articles a task made two workers 1.52x one process, 16 made
#: them 1.61x: bench/README.md), and one part of a long text per task, so a
#: worker holds one part's analysis at a time
CHUNK = 25_000
#: documents a task takes at most, however short, so records come back steadily
CHUNK_DOCUMENTS = 64
#: chunks in flight per worker
AHEAD = 2
#: characters of analysed documents the NLP thread of a one-process build may
#: hold ready: more than a spaCy batch of articles gives (so the thread never
#: waits for the store while it has a batch to parse), one part of a long text
AHEAD_CHARS = PART_CHARS


def _chunks(documents: Iterable[Document], size: int, most: int = CHUNK_DOCUMENTS,
            last_in: int = 1) -> Iterator[list[Document]]:
    """Runs of consecutive documents of at most ``size`` characters together (or one document)
    and at most ``most`` documents; the last run is cut in up to ``last_in`` runs of about the
    same size, so that at the end of a build every worker has a share of what is left."""
    chunk: list[Document] = []
    held = 0
    for doc in documents:
        if chunk and (held + len(doc.text) > size or len(chunk) >= most):
            yield chunk
            chunk, held = [], 0
        chunk.append(doc)
        held += len(doc.text)
    yield from _shares(chunk, held, last_in)


def _shares(chunk: list[Document], held: int, n: int) -> Iterator[list[Document]]:
    """``chunk`` (``held`` characters) as up to ``n`` consecutive runs of about held / n characters."""
    share: list[Document] = []
    done, k = 0, 1
    for doc in chunk:
        share.append(doc)
        done += len(doc.text)
        if k < n and done * n >= held * k:
            yield share
            share, k = [], k + 1
    if share:
        yield share


def extract_chunk(documents: Sequence[Document], model: str | None = None) -> list[LocalRecords]:
    """NLP and local extraction of a few documents in one call (the unit of work of a worker)."""
    from .heap import give_back
    from .nlp import analyse_documents

    records = [extract_local(ad) for ad in analyse_documents(documents, model=model)]
    give_back()  # a worker lives for the whole build: what the chunk's analysis freed goes back
    return records


def _ordered(submit: Callable[[list[Document]], object], result: Callable[[object], list[LocalRecords]],
             documents: Iterable[Document], in_flight: int, chunk: int, workers: int = 1) -> Iterator[LocalRecords]:
    """Submit chunks (``chunk`` characters each, the last shared among ``workers``), at most
    ``in_flight`` at a time, and yield their records in order."""
    pending: deque = deque()
    for part in _chunks(documents, chunk, last_in=workers):
        pending.append(submit(part))
        if len(pending) >= in_flight:
            yield from result(pending.popleft())
    while pending:
        yield from result(pending.popleft())


def local_records(documents: Iterable[Document], *, model: str | None = None, workers: int = 1,
                  dask: str | None = None) -> Iterator[LocalRecords]:
    """Each document's LocalRecords, in input order (see the module docstring)."""
    if dask is not None:
        from .distributed import dask_records

        yield from dask_records(documents, scheduler=dask, model=model)
    elif workers <= 1:
        from .ahead import read_ahead
        from .nlp import analyse_documents

        analysed = analyse_documents(documents, model=model)
        for ad in read_ahead(analysed, budget=AHEAD_CHARS, weigh=lambda ad: len(ad.document.text), name="newsgraph-nlp"):
            yield extract_local(ad)
    else:
        yield from _process_records(documents, model=model, workers=workers)


def _process_records(documents: Iterable[Document], *, model: str | None, workers: int) -> Iterator[LocalRecords]:
    try:
        context = multiprocessing.get_context("forkserver")
    except ValueError:  # no fork server (Windows): spawn
        context = multiprocessing.get_context("spawn")
    with context.Pool(workers) as pool:
        yield from _ordered(lambda part: pool.apply_async(extract_chunk, (part, model)),
                            lambda pending: pending.get(), documents, workers * AHEAD, CHUNK, workers)

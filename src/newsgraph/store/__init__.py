"""Stores the build writes to and every reader reads from (layout: ``backend.py``)."""
from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .backend import Backend, LocalBackend


@contextmanager
def open_store(store: str | None, base: str | None, *, scratch: Path | None = None,
               ) -> Iterator[tuple[Backend, str | None]]:
    """(backend, base) for a build or a removal: a folder (created when new, locked while open),
    the URL of a remote SPARQL 1.1 store, or, when ``store`` is None, a scratch store on disk in
    the folder ``scratch`` (removed at the end) or in memory. ``base`` None means the folder's
    own base."""
    from ..ingest.keys import is_url

    if store is None and scratch is not None:
        with _scratch_store(scratch) as backend:
            yield backend, base
    elif store is None:
        yield LocalBackend(), base
    elif is_url(store):
        from .remote import remote_backend

        backend = remote_backend(store)
        try:
            with backend.locked():  # a remote store cannot be flock'ed: an advisory lock in the store
                yield backend, base
        finally:
            backend.close()
    else:
        from .folder import open_for_writing, store_base

        base = base or store_base(store)
        with open_for_writing(store, base) as backend:
            yield backend, base


@contextmanager
def _scratch_store(folder: Path) -> Iterator[LocalBackend]:
    """A store for one build that only writes files: in memory up to ``backend.SPILL_AFTER`` quads,
    then on disk, so the graph it gathers stays out of memory (RocksDB keeps a bounded cache).
    Named like our temporary files (``.store.{pid}-{random}.tmp``) so a killed build's is removed
    by the next one."""
    path = folder / f".store.{os.getpid()}-{secrets.token_hex(4)}.tmp"
    try:
        backend = LocalBackend(spill=str(path), label_graphs=True)
        yield backend
    finally:
        backend = None
        shutil.rmtree(path, ignore_errors=True)


__all__ = ["Backend", "LocalBackend", "open_store"]

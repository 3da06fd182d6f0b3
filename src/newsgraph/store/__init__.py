"""Stores the build writes to and every reader reads from (layout: ``backend.py``)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .backend import Backend, LocalBackend


@contextmanager
def open_store(store: str | None, base: str | None) -> Iterator[tuple[Backend, str | None]]:
    """(backend, base) for a build or a removal: a folder (created when new, locked while open),
    the URL of a remote SPARQL 1.1 store, or memory when ``store`` is None. ``base`` None
    means the folder's own base."""
    from ..ingest.keys import is_url

    if store is None:
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


__all__ = ["Backend", "LocalBackend", "open_store"]

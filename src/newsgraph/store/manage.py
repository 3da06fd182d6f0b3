"""Store operations a command runs: removing documents."""
from __future__ import annotations

import os
from collections.abc import Sequence

from ..graph.iris import DEFAULT_BASE, Iris
from . import open_store
from .documents import find_documents, remove_document


def remove_documents(store: str, names: Sequence[str], *, root: str | None = None,
                     base: str | None = None) -> tuple[list[str], list[str]]:
    """(keys removed, names not found), each document removed in its own transaction."""
    removed: list[str] = []
    missing: list[str] = []
    with open_store(store, base) as (backend, found_base):
        iris = Iris(found_base or DEFAULT_BASE)
        for name in names:
            keys = [key for key in find_documents(backend, iris, name, root or os.curdir)
                    if remove_document(backend, iris, key)]
            removed += keys
            if not keys:
                missing.append(name)
    return removed, missing

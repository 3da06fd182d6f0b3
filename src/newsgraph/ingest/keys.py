"""Stable names for documents: the key used in IRIs and the content hash.

The key is derived from the source alone (a readable slug plus a short hash
of the full source), so the same file or URL always gets the same IRI and two
files with the same name in different folders still differ. The content hash
covers the bytes read, so a changed version of a source can be told apart.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import PurePath, PurePosixPath
from urllib.parse import unquote, urlsplit

from pyoxigraph import NamedNode

from ..lexicon import slugify
from ..types import Document

SLUG_MAX = 60


def is_url(source: str) -> bool:
    """An http(s) URL that is also a valid IRI (no spaces or other forbidden characters)."""
    try:
        parts = urlsplit(source)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return False
        _ = parts.port  # "http://h:99999" and "http://[::1" raise here, not later
        NamedNode(source)
    except ValueError:  # urlsplit refuses "http://[::1"; NamedNode an invalid IRI
        return False
    return True


def _readable_name(source: str) -> str:
    if is_url(source):
        parts = urlsplit(source)
        name = PurePosixPath(unquote(parts.path)).name
        return PurePosixPath(name).stem if name else parts.netloc
    path, _, fragment = source.partition("#")
    stem = PurePosixPath(path.replace("\\", "/")).stem
    return f"{stem}-{fragment}" if fragment else stem


def document_key(source: str) -> str:
    """Slug of the file stem or URL path, "-", first 8 hex digits of sha1(source)."""
    digest = hashlib.sha1(source.encode("utf-8")).hexdigest()[:8]
    slug = slugify(_readable_name(source), default="doc", max_len=SLUG_MAX)
    return f"{slug}-{digest}"


def content_hash(raw: bytes) -> str:
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def published_source(source: str, root: str | os.PathLike[str]) -> str:
    """The name a document is published under: a URL as it is, a path relative to ``root``.

    ``x.txt``, ``./x.txt`` and the absolute path of the same file are one
    document, and no local absolute path reaches the graph. A record of a
    JSON Lines file keeps its ``#n`` suffix.
    """
    if is_url(source) or source == "stdin":
        return source
    path, sep, fragment = source.partition("#")
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return PurePosixPath(*PurePath(relative).parts).as_posix() + sep + fragment


def identify(doc: Document, root: str | os.PathLike[str], doc_id: str | None = None) -> Document:
    """The document with its published source and its key: ``--id`` itself (as a slug) if given,
    else from its canonical URL, else from its path relative to ``root``."""
    source = published_source(doc.source, root)
    if doc_id is not None:
        return replace(doc, source=source, key=slugify(doc_id, default="doc", max_len=SLUG_MAX))
    return replace(doc, source=source, key=document_key(doc.url or source))

"""Which reader handles which input, and walking paths into Documents.

Readers are registered by name in ``READERS`` and imported only when first
used (the HTML reader pulls in trafilatura and lxml), the way rdflib
registers its parsers; ``EXTENSIONS`` picks a reader by file extension and
``sniff`` picks one from content where there is no extension (stdin).
Every reader takes ``(raw, source, *, timezone, warn)`` and yields Documents.
"""
from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from ..errors import MissingInputError, UnreadableInputError
from ..types import Document
from .dates import zone
from .keys import document_key

Warn = Callable[[str], None]
Reader = Callable[..., Iterator[Document]]


@dataclass(frozen=True)
class ReaderPlugin:
    """A reader by module and function name, imported on first use."""

    module: str
    function: str
    many: bool  # yields several documents (JSON Lines) rather than returning one

    def load(self) -> Reader:
        func = getattr(importlib.import_module(self.module, __package__), self.function)
        if self.many:
            return func

        def one(raw: bytes, source: str, *, timezone: str, warn: Warn) -> Iterator[Document]:
            yield func(raw, source, timezone=timezone)

        return one


READERS: dict[str, ReaderPlugin] = {
    "text": ReaderPlugin(".text", "read_text_document", many=False),
    "markdown": ReaderPlugin(".text", "read_markdown_document", many=False),
    "html": ReaderPlugin(".html", "read_html_document", many=False),
    "jsonl": ReaderPlugin(".jsonl", "read_jsonl", many=True),
}

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}

#: Files beside the inputs that are never inputs themselves.
IGNORED_SUFFIXES = (".gold.json",)


def register_reader(name: str, module: str, function: str, *, extensions: Sequence[str] = (), many: bool = False) -> None:
    """Add a reader (e.g. from a plugin package) and the extensions it handles."""
    READERS[name] = ReaderPlugin(module, function, many)
    for extension in extensions:
        EXTENSIONS[extension.lower()] = name


def sniff(raw: bytes) -> str:
    """Reader name from content: JSON Lines if it opens with "{", HTML with "<"."""
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"{":
        return "jsonl"
    if head == b"<":
        return "html"
    return "text"


def reader_for(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(IGNORED_SUFFIXES):
        return None
    return EXTENSIONS.get(path.suffix.lower())


def _walk(folder: Path) -> Iterator[Path]:
    """Input files under ``folder``, sorted, hidden files and folders skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if not name.startswith(".") and reader_for(path) is not None:
                yield path


def _posix(path: Path) -> str:
    return path.as_posix()


def _plan(paths: Sequence[str]) -> list[tuple[str, Path | None, str | None]]:
    """(source, path or None for stdin, reader name or None to sniff) for
    every input, after checking that every path exists."""
    for given in paths:
        if given != "-" and not os.path.exists(given):
            raise MissingInputError(f"input {given!r} does not exist: check the path")
    plan: list[tuple[str, Path | None, str | None]] = []
    seen: set[str] = set()

    def add(source: str, path: Path, reader: str | None) -> None:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            plan.append((source, path, reader))

    for given in paths:
        if given == "-":
            plan.append(("stdin", None, None))
            continue
        path = Path(given)
        if path.is_dir():
            for found in _walk(path):
                add(_posix(found), found, reader_for(found))
        else:
            add(_posix(path), path, reader_for(path))
    return plan


def read_inputs(
    paths: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    timezone: str = "UTC",
    warn: Warn = lambda msg: None,
) -> Iterator[Document]:
    """Documents from files, folders (recursive) and "-" (standard input).

    All paths (and the time zone) are checked when this is called, before
    any file is read, so a typo fails fast with MissingInputError. Files that
    cannot be read (binary, undecodable, empty) are skipped with a warning
    and the rest are still read.
    """
    zone(timezone)  # an unknown zone is a user error before any work
    return _read_planned(_plan(paths), stdin, timezone, warn)


def _distinct(doc: Document, seen: dict[str, int], warn: Warn) -> Document:
    """Two documents from one source (JSON Lines records sharing a URL) get
    distinct keys, so neither's triples land in the other's namespace."""
    n = seen.get(doc.key, 0)
    seen[doc.key] = n + 1
    if n == 0:
        return doc
    source = f"{doc.source}#{n + 1}"
    warn(f"{doc.source}: another document from the same source; it is named {source}")
    return replace(doc, source=source, key=document_key(source))


def _read_planned(
    plan: list[tuple[str, Path | None, str | None]], stdin: BinaryIO | None, timezone: str, warn: Warn
) -> Iterator[Document]:
    seen: dict[str, int] = {}
    for source, path, reader_name in plan:
        if path is None:
            raw = (stdin if stdin is not None else sys.stdin.buffer).read()
        else:
            if path.name.lower().endswith(IGNORED_SUFFIXES):
                warn(f"skipped {source}: a gold annotation file, not an input")
                continue
            try:
                raw = path.read_bytes()
            except OSError as exc:
                warn(f"skipped {source}: cannot be read ({exc.strerror or exc})")
                continue
        if not raw.removeprefix(b"\xef\xbb\xbf").strip():
            warn(f"{source}: empty input, nothing to read")
            continue
        reader = READERS[reader_name or sniff(raw)].load()
        try:
            for doc in reader(raw, source, timezone=timezone, warn=warn):
                yield _distinct(doc, seen, warn)
        except UnreadableInputError as exc:
            warn(str(exc))

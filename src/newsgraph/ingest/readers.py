"""Which reader handles which input, and walking paths into Documents.

Readers are registered by name in ``READERS`` and imported only when first
used (the HTML reader pulls in trafilatura and lxml), the way rdflib
registers its parsers; ``EXTENSIONS`` picks a reader by file extension and
``sniff`` picks one from content where there is no extension (stdin).
Every reader takes ``(raw, source, *, timezone, warn)`` and yields Documents.
"""
from __future__ import annotations

import importlib
import inspect
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError, MissingInputError, UnreadableInputError
from ..types import Document
from .checks import checked_document
from .dates import zone
from .decode import encoding_note
from .files import DEFAULT_MAX_BYTES, read_file_limited, read_stream_limited
from .keys import document_key, is_url

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

        takes_warn = "warn" in inspect.signature(func).parameters  # plugin readers may not

        def one(raw: bytes, source: str, *, timezone: str, warn: Warn, **known: object) -> Iterator[Document]:
            extra: dict[str, object] = {"warn": warn} if takes_warn else {}
            yield func(raw, source, timezone=timezone, **extra, **known)

        return one


READERS: dict[str, ReaderPlugin] = {
    "text": ReaderPlugin(".text", "read_text_document", many=False),
    "markdown": ReaderPlugin(".text", "read_markdown_document", many=False),
    "html": ReaderPlugin(".html", "read_html_document", many=False),
    "jsonl": ReaderPlugin(".jsonl", "read_jsonl", many=True),
    "json": ReaderPlugin(".jsonl", "read_json", many=True),
}

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}

#: Readers of plain text, which take the build's --published and --url.
PLAIN_TEXT_READERS = frozenset({"text", "markdown"})

#: Readers of article records, which take the build's --field mapping.
RECORD_READERS = frozenset({"jsonl", "json"})
RECORD_FIELDS = ("text", "title", "url", "published", "author")


def check_fields(fields: dict[str, str]) -> None:
    """A --field mapping names only fields the record readers know, each once, to a non-empty key."""
    for name, key in fields.items():
        if name not in RECORD_FIELDS or not key:
            raise InputError(f"--field {name}={key}: use NAME=KEY with NAME one of {', '.join(RECORD_FIELDS)}"
                             " and KEY the field in your records, e.g. --field text=body")


def parse_field_options(options: Sequence[str]) -> dict[str, str]:
    """``["text=body", "published=ts"]`` as ``{"text": "body", "published": "ts"}``."""
    fields: dict[str, str] = {}
    for option in options:
        name, sep, key = option.partition("=")
        name, key = name.strip(), key.strip()
        if not sep or name in fields:
            raise InputError(f"--field {option!r}: use NAME=KEY once per field, e.g. --field text=body")
        fields[name] = key
    check_fields(fields)
    return fields


#: Files beside the inputs that are never inputs themselves.
IGNORED_SUFFIXES = (".gold.json",)


def register_reader(name: str, module: str, function: str, *, extensions: Sequence[str] = (), many: bool = False) -> None:
    """Add a reader (e.g. from a plugin package) and the extensions it handles."""
    READERS[name] = ReaderPlugin(module, function, many)
    for extension in extensions:
        EXTENSIONS[extension.lower()] = name


def sniff(raw: bytes) -> str:
    """Reader name from content: JSON Lines if it opens with "{", a JSON array
    with "[", HTML with "<"."""
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"{":
        return "jsonl"
    if head == b"[":
        return "json"
    if head == b"<":
        return "html"
    return "text"


def reader_for(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(IGNORED_SUFFIXES):
        return None
    return EXTENSIONS.get(path.suffix.lower())


def _walk(folder: Path, skipped: Counter[str]) -> Iterator[Path]:
    """Input files under ``folder``, sorted, hidden files and folders skipped;
    files no reader handles are counted by extension in ``skipped``."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if name.startswith("."):
                continue
            if reader_for(path) is not None:
                yield path
            elif not name.lower().endswith(IGNORED_SUFFIXES):
                skipped[path.suffix.lower() or "(none)"] += 1


def _posix(path: Path) -> str:
    """The path as a source name; bytes that are not UTF-8 (a Latin-1 file
    name) shown as ``\\xe9`` escapes, so the name can be written out."""
    name = path.as_posix()
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


def _plan(paths: Sequence[str], warn: Warn) -> list[tuple[str, Path | None, str | None]]:
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
            skipped: Counter[str] = Counter()
            for found in _walk(path, skipped):
                add(_posix(found), found, reader_for(found))
            if skipped:
                kinds = ", ".join(f"{ext} {n}" for ext, n in sorted(skipped.items()))
                known = " ".join(sorted(EXTENSIONS))
                count = sum(skipped.values())
                warn(f"{_posix(path)}: skipped {count} file{'s' if count != 1 else ''} no reader handles ({kinds});"
                     f" read are {known}")
        else:
            add(_posix(path), path, reader_for(path))
    return plan


def read_inputs(
    paths: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    timezone: str = "UTC",
    warn: Warn = lambda msg: None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    published: datetime | date | None = None,
    url: str | None = None,
    fields: dict[str, str] | None = None,
) -> Iterator[Document]:
    """Documents from files, folders (recursive) and "-" (standard input).

    ``published`` and ``url`` are what plain-text inputs (.txt, .md, text on
    standard input) do not say about themselves: every such document gets
    them unless its front matter says otherwise. Other readers ignore them.
    ``fields`` maps the JSON Lines / JSON field names (text, title, url,
    published, author) to the keys the records use (``{"text": "body"}``).

    All paths (and the time zone) are checked when this is called, before
    any file is read, so a typo fails fast with MissingInputError. Files that
    cannot be read (binary, undecodable, empty, not a regular file, larger
    than ``max_bytes``) are skipped with a warning and the rest are still read.
    """
    zone(timezone)  # an unknown zone is a user error before any work
    if url is not None and not is_url(url):
        raise InputError(f"--url {url!r} is not an http(s) URL: give one such as https://example.org/news/story")
    plain = {k: v for k, v in (("published", published), ("url", url)) if v is not None}
    if fields:
        check_fields(fields)
    return _read_planned(_plan(paths, warn), stdin, timezone, warn, max_bytes, plain, fields or {})


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
    plan: list[tuple[str, Path | None, str | None]], stdin: BinaryIO | None, timezone: str, warn: Warn,
    max_bytes: int = DEFAULT_MAX_BYTES, plain: dict[str, object] | None = None,
    fields: dict[str, str] | None = None,
) -> Iterator[Document]:
    seen: dict[str, int] = {}
    for source, path, reader_name in plan:
        try:
            if path is None:
                raw = read_stream_limited(stdin if stdin is not None else sys.stdin.buffer, source, max_bytes)
            elif path.name.lower().endswith(IGNORED_SUFFIXES):
                warn(f"skipped {source}: a gold annotation file, not an input")
                continue
            else:
                raw = read_file_limited(path, source, max_bytes)
        except UnreadableInputError as exc:
            warn(str(exc))
            continue
        if not raw.removeprefix(b"\xef\xbb\xbf").strip():
            warn(f"{source}: empty input, nothing to read")
            continue
        if path is not None and path.as_posix() != source:
            warn(f"{source}: the file name is not UTF-8; the document is named with \\x escapes")
        name = reader_name or sniff(raw)
        reader = READERS[name].load()
        note = encoding_note(raw, source) if name != "jsonl" else None  # JSON Lines says it per line
        try:
            known: dict[str, object] = {}
            if plain and name in PLAIN_TEXT_READERS:
                known = plain
            elif fields and name in RECORD_READERS:
                known = {"fields": fields}
            for doc in reader(raw, source, timezone=timezone, warn=warn, **known):
                if note is not None:  # said once the file turned out to be text
                    warn(note)
                    note = None
                yield _distinct(checked_document(doc, warn), seen, warn)
        except UnreadableInputError as exc:
            warn(str(exc))
        except Exception as exc:  # noqa: BLE001 - one bad input must not cost the others
            detail = " ".join(str(exc).split())[:200]
            warn(f"skipped {source}: it could not be read ({type(exc).__name__}: {detail});"
                 " the rest of the build goes on, please report this input")

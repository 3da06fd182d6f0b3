"""The JSON Lines reader (one article per line) and the JSON reader (an array of articles).

Fields: ``text`` (required), ``url``, ``title``, ``published`` (ISO 8601,
written out, or seconds or milliseconds since the epoch), ``author`` (a
string, an object with a ``name``, or a list of either). ``fields`` maps
these names to the keys a feed uses (``{"text": "body"}``, from
``build --field text=body``; a dotted key reads inside an object). A bad
line costs that line only: it is reported through ``warn`` with its number
and the rest are read.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from ..errors import UnreadableInputError
from ..types import Document
from .dates import parse_published
from .decode import decode_text, normalise_newlines
from .keys import is_url
from .layout import analyse_layout
from .text import document_from_layout


def _ignore(message: str) -> None:
    pass


FIELDS = ("text", "title", "url", "published", "author")


def _author(value: object) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _author(value.get("name"))
    if isinstance(value, list):
        names = [name for name in (_author(v) for v in value if isinstance(v, (str, dict))) if name]
        return ", ".join(names) or None
    return None


def _get(record: dict, key: str) -> object:
    """``record[key]``; a dotted key ("byline.name") reads inside objects when no key has the dots."""
    if key in record or "." not in key:
        return record.get(key)
    value: object = record
    for part in key.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _optional_str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def read_jsonl(
    raw: bytes, source: str, *, timezone: str = "UTC", warn: Callable[[str], None] = _ignore,
    fields: dict[str, str] | None = None,
) -> Iterator[Document]:
    """Documents from the lines of a JSON Lines file (blank lines are skipped)."""
    decode_text(raw, source)  # refuse binary files before splitting them
    raw_lines = raw.split(b"\n")
    for lineno, raw_line in enumerate(raw_lines, start=1):
        raw_line = raw_line.rstrip(b"\r")
        if lineno == 1 and raw_line.startswith(b"\xef\xbb\xbf"):
            raw_line = raw_line[3:]
        if not raw_line.strip():
            continue
        try:
            record = json.loads(raw_line.decode("utf-8"))
        except UnicodeDecodeError:
            warn(f"{source} line {lineno}: not UTF-8; line skipped")
            continue
        except json.JSONDecodeError as exc:
            warn(f"{source} line {lineno}: malformed JSON ({exc.msg}); line skipped")
            continue
        document = _guarded(record, raw_line, f"{source} line {lineno}", f"{source}#L{lineno}", timezone, warn,
                            fields or {})
        if document is not None:
            yield document


def read_json(
    raw: bytes, source: str, *, timezone: str = "UTC", warn: Callable[[str], None] = _ignore,
    fields: dict[str, str] | None = None,
) -> Iterator[Document]:
    """Documents from a ``.json`` file: an array of article objects (or one object),
    each with the fields of a JSON Lines record; a bad item costs that item only."""
    decode_text(raw, source)  # refuse binary files first
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise UnreadableInputError(f"skipped {source}: a .json file must be UTF-8") from None
    except json.JSONDecodeError as exc:
        raise UnreadableInputError(
            f"skipped {source}: malformed JSON ({exc.msg} at line {exc.lineno}); an array of articles is expected"
        ) from None
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, start=1):
        item = json.dumps(record, sort_keys=True).encode("ascii")
        document = _guarded(record, item, f"{source} item {number}", f"{source}#{number}", timezone, warn,
                            fields or {})
        if document is not None:
            yield document


def _guarded(record: object, raw: bytes, where: str, fallback_source: str, timezone: str,
             warn: Callable[[str], None], fields: dict[str, str]) -> Document | None:
    """``_record_document``, but an unexpected failure costs this record only."""
    try:
        return _record_document(record, raw, where, fallback_source, timezone, warn, fields)
    except Exception as exc:  # noqa: BLE001 - the other records must still be read
        warn(f"{where}: could not be read ({type(exc).__name__}: {' '.join(str(exc).split())[:200]}); skipped,"
             " please report this input")
        return None


def _record_document(record: object, raw: bytes, where: str, fallback_source: str, timezone: str,
                     warn: Callable[[str], None], fields: dict[str, str]) -> Document | None:
    """One article record as a Document; None, with a warning naming ``where``, when it has no text."""
    key = {name: fields.get(name, name) for name in FIELDS}
    if not isinstance(record, dict):
        warn(f"{where}: expected a JSON object with a \"{key['text']}\" field; skipped")
        return None
    body = _get(record, key["text"])
    if not isinstance(body, str) or not body.strip():
        warn(f"{where}: no \"{key['text']}\" field (a non-empty string is required); skipped")
        return None
    url = _optional_str(_get(record, key["url"]))
    if url is not None and not is_url(url):
        warn(f"{where}: \"url\" {url!r} is not an http(s) URL; ignored")
        url = None
    title = _optional_str(_get(record, key["title"]))
    published = None
    given = _get(record, key["published"])
    if given not in (None, ""):
        published = parse_published(given, timezone)
        if published is None:
            warn(f"{where}: could not read the date {given!r}; left empty")
    text = normalise_newlines(body)
    if title and " ".join(text.lstrip().split("\n", 1)[0].split()) != " ".join(title.split()):
        text = f"{title}\n\n{text}"  # the headline is analysed too, as a segment of its own
    layout = analyse_layout(text, timezone=timezone, title=title, warn=lambda message: warn(f"{where}: {message}"),
                            published=published)
    return document_from_layout(
        source=url or fallback_source,
        text=text,
        raw=raw,
        layout=layout,
        media_type="application/json",
        url=url,
        title=title,
        author=_author(_get(record, key["author"])),
        published=published,
    )

"""Last checks on every Document before the NLP stage sees it.

Whatever a reader produced (plain text, HTML, a JSON Lines record), the
document leaves ingest only with:

- text that encodes as UTF-8 and holds no control characters: a lone
  surrogate (``\\ud800`` from a JSON escape) becomes U+FFFD and a control
  character (ESC, BEL, NUL ...; tab and newline stay) becomes a space, one
  character for one, so every offset still holds;
- the same for its title, author and post headlines and authors, so no
  name or label can carry a terminal escape sequence;
- publication dates within ``MIN_YEAR``..``MAX_YEAR`` that convert to UTC
  (``0001-01-01T00:00:00+14:00`` does not): others are dropped.

Each change is reported once per document through ``warn``, naming it.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timezone

from ..types import Document

MIN_YEAR = 1000
MAX_YEAR = 9998

#: C0 controls but tab and newline, DEL, C1 controls; and lone surrogates.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_characters(text: str) -> tuple[str, int, int]:
    """``(text, controls replaced, surrogates replaced)``; the length never changes."""
    text, surrogates = _SURROGATE.subn("\ufffd", text)
    text, controls = _CONTROL.subn(" ", text)
    return text, controls, surrogates


def clean_name(value: str | None) -> str | None:
    """A name or label with control characters and lone surrogates gone, spaces folded."""
    if value is None:
        return None
    text, _, _ = clean_characters(value)
    return " ".join(text.split()) or None


def date_in_range(when: datetime | date | None) -> bool:
    if when is None:
        return True
    if not isinstance(when, datetime):
        return MIN_YEAR <= when.year <= MAX_YEAR
    try:
        utc = when.astimezone(timezone.utc) if when.tzinfo is not None else when
    except (OverflowError, ValueError):
        return False
    return MIN_YEAR <= when.year <= MAX_YEAR and MIN_YEAR <= utc.year <= MAX_YEAR


def checked_document(doc: Document, warn: Callable[[str], None]) -> Document:
    """``doc`` made safe for the later stages; every change reported through ``warn``."""
    text, controls, surrogates = clean_characters(doc.text)
    changes: dict[str, object] = {}
    if controls or surrogates:
        changes["text"] = text
        what = []
        if controls:
            what.append(f"{controls} control character{'s' if controls != 1 else ''} with spaces")
        if surrogates:
            what.append(f"{surrogates} lone surrogate{'s' if surrogates != 1 else ''} with U+FFFD")
        warn(f"{doc.source}: replaced {' and '.join(what)}")
    for name in ("title", "author"):
        value = getattr(doc, name)
        if value is not None and clean_name(value) != value:
            changes[name] = clean_name(value)
    dropped: list[str] = []
    if not date_in_range(doc.published):
        dropped.append(doc.published.isoformat())
        changes["published"] = None
    posts = []
    for post in doc.posts:
        fixed = post
        if not date_in_range(post.published):
            dropped.append(post.published.isoformat())
            fixed = replace(fixed, published=None)
        headline, author = clean_name(post.headline), clean_name(post.author)
        if (headline, author) != (post.headline, post.author):
            fixed = replace(fixed, headline=headline, author=author)
        posts.append(fixed)
    if posts != list(doc.posts):
        changes["posts"] = tuple(posts)
    if dropped:
        shown = ", ".join(sorted(set(dropped))[:3])
        warn(f"{doc.source}: dropped the date {shown}: out of range (years {MIN_YEAR}-{MAX_YEAR} only)")
    return replace(doc, **changes) if changes else doc

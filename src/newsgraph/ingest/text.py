"""The plain-text reader (.txt, .md): the decoded file is the analysed text."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from ..types import Document
from .decode import decode_text
from .keys import content_hash, document_key, is_url
from .layout import Layout, analyse_layout


def document_from_layout(
    *,
    source: str,
    text: str,
    raw: bytes,
    layout: Layout,
    media_type: str,
    url: str | None = None,
    title: str | None = None,
    author: str | None = None,
    published: datetime | date | None = None,
) -> Document:
    """A Document from the analysed layout; metadata the caller knows (HTML
    meta tags, JSON fields) wins over what the layout guessed from the text."""
    return Document(
        key=document_key(source),
        source=source,
        text=text,
        content_hash=content_hash(raw),
        segments=layout.segments,
        posts=layout.posts,
        title=title or layout.title,
        author=author or layout.author,
        published=published or layout.published,
        url=url if url and is_url(url) else (source if is_url(source) else None),
        media_type=media_type,
        is_live_blog=layout.is_live_blog,
    )


Warn = Callable[[str], None]


def named_warn(source: str, warn: Warn | None) -> Warn:
    """``warn`` with every message opened by the input's name."""
    if warn is None:
        return lambda message: None
    return lambda message: warn(f"{source}: {message}")


def read_text_document(
    raw: bytes, source: str, *, timezone: str = "UTC", media_type: str = "text/plain", warn: Warn | None = None
) -> Document:
    """One plain-text article or live blog.

    Raises UnreadableInputError when ``raw`` is not text; never fails on
    the content of a text (an empty one gives a Document without segments).
    """
    text = decode_text(raw, source)
    layout = analyse_layout(text, timezone=timezone, warn=named_warn(source, warn))
    return document_from_layout(source=source, text=text, raw=raw, layout=layout, media_type=media_type)


def read_markdown_document(raw: bytes, source: str, *, timezone: str = "UTC", warn: Warn | None = None) -> Document:
    return read_text_document(raw, source, timezone=timezone, media_type="text/markdown", warn=warn)

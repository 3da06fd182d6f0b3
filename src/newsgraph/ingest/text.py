"""The plain-text reader (.txt, .md): the decoded file is the analysed text."""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from ..types import Document
from .dates import parse_published
from .decode import decode_text
from .frontmatter import FrontMatter, first_of, read_front_matter
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
    raw: bytes, source: str, *, timezone: str = "UTC", media_type: str = "text/plain", warn: Warn | None = None,
    published: datetime | date | None = None, url: str | None = None,
) -> Document:
    """One plain-text article or live blog.

    Front matter (a ``---`` block of ``key: value`` lines opening the file)
    is read as metadata and not analysed. ``published`` and ``url`` (the
    build's ``--published`` and ``--url``) stand in for what the file does
    not say: its front matter wins over them, and they win over dates
    guessed from its text.

    Raises UnreadableInputError when ``raw`` is not text; never fails on
    the content of a text (an empty one gives a Document without segments).
    """
    text = decode_text(raw, source)
    named = named_warn(source, warn)
    analysed, meta = text, FrontMatter({}, 0)
    if (found := read_front_matter(text)) is not None:
        meta = found
        # blanked, not cut: offsets still point into the text as read
        analysed = re.sub(r"[^\n]", " ", text[: meta.end]) + text[meta.end :]
    title = _one(first_of(meta.fields, "title", "headline"))
    author_field = first_of(meta.fields, "author", "authors", "byline")
    author = ", ".join(author_field) if isinstance(author_field, list) else author_field
    date_field = _one(first_of(meta.fields, "published", "date", "pubdate", "published_at", "datepublished"))
    meta_published = parse_published(date_field, timezone) if date_field else None
    if date_field and meta_published is None:
        named(f"could not read the front matter date {date_field!r}; left empty")
    layout = analyse_layout(analysed, timezone=timezone, title=title, warn=named,
                            published=meta_published or published)
    meta_url = _one(first_of(meta.fields, "url", "canonical_url", "canonical", "link"))
    if meta_url and not is_url(meta_url):
        named(f"front matter url {meta_url!r} is not an http(s) URL; ignored")
        meta_url = None
    return document_from_layout(
        source=source, text=text, raw=raw, layout=layout, media_type=media_type,
        url=meta_url or url, title=title, author=author or None, published=meta_published or published,
    )


def _one(value: str | list[str] | None) -> str | None:
    if isinstance(value, list):
        return value[0] if value else None
    return value


def read_markdown_document(
    raw: bytes, source: str, *, timezone: str = "UTC", warn: Warn | None = None,
    published: datetime | date | None = None, url: str | None = None,
) -> Document:
    return read_text_document(raw, source, timezone=timezone, media_type="text/markdown", warn=warn,
                              published=published, url=url)

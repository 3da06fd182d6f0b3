"""The HTML reader: trafilatura finds the article, we find the rest.

trafilatura (with ``lxml_html_clean``) separates the main text from
navigation and footers and reads title, author, date and canonical URL. Its
date has no time of day, so the page's own publication meta tags are read
first. The extracted text then goes through the same layout rules as plain
text, because bylines, datelines and appeals survive extraction.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime

from ..errors import UnreadableInputError
from ..types import Document
from .dates import parse_published
from .decode import decode_text
from .layout import analyse_layout
from .text import document_from_layout, named_warn

# Meta tags that carry a full publication timestamp, most specific first.
_PUBLISHED_META = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@property='og:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@name='pubdate' or @name='publishdate' or @name='date' or @name='dc.date' or @name='DC.date.issued']/@content",
    "//time[@itemprop='datePublished']/@datetime",
    "//article//time/@datetime",
)


def _published_from_page(html: str, timezone: str) -> datetime | date | None:
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    for xpath in _PUBLISHED_META:
        for value in tree.xpath(xpath):
            when = parse_published(str(value), timezone)
            if when is not None:
                return when
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for record in data if isinstance(data, list) else [data]:
            if isinstance(record, dict):
                when = parse_published(record.get("datePublished"), timezone)
                if when is not None:
                    return when
    return None


def read_html_document(raw: bytes, source: str, *, timezone: str = "UTC",
                       warn: Callable[[str], None] | None = None) -> Document:
    """One HTML page; raises UnreadableInputError when it has no article text."""
    import trafilatura

    html = decode_text(raw, source)
    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
    )
    body = (getattr(extracted, "text", None) or "").strip() if extracted is not None else ""
    title = (extracted.title or "").strip() or None if extracted is not None else None
    text = body
    if title and " ".join(body.split("\n", 1)[0].split()) != " ".join(title.split()):
        text = f"{title}\n{body}"  # the headline is analysed too, as a segment of its own
    published = _published_from_page(html, timezone) or (
        parse_published(extracted.date, timezone) if extracted is not None else None)
    layout = analyse_layout(text, timezone=timezone, title=title, warn=named_warn(source, warn), published=published)
    # trafilatura falls back to any text on the page (menus, cookie banners);
    # when our rules leave no body paragraph, the page has no article.
    if not any(segment.kind == "body" for segment in layout.segments):
        raise UnreadableInputError(
            f"skipped {source}: no article text found in the HTML page (is it an article page?)"
        )
    return document_from_layout(
        source=source,
        text=text,
        raw=raw,
        layout=layout,
        media_type="text/html",
        url=extracted.url or None,
        title=title,
        author=(extracted.author or "").strip() or None,
        published=published,
    )

"""From a text to what the NLP stage reads: segments, posts, title, byline.

``analyse_layout`` is shared by every reader (plain text, HTML after
extraction, JSON Lines records). It works paragraph by paragraph:

1. classify each paragraph: a sign-off, an appeal, page furniture, a byline,
   a credit line, the start of the footer, or content;
2. widen appeals to their publisher-voice neighbours and cut the footer;
3. cut datelines and caption credits out of content paragraphs;
4. pick the live-blog house style from the stamp lines (see ``stamps``):
   sign-offs with a name closing posts (the first line after one is the next
   post's headline); full timestamps opening posts; a headline, then its
   full timestamp and byline; or times of day opening posts, placed on the
   day of the dated page header. Without two stamps the text is an article
   whose first short line is its title. A time that cannot be placed in a
   day is left out, with a warning, never guessed;
5. emit one segment per remaining stretch, headlines as segments of their own.

Offsets always point into the text given, so ``text[s.start:s.end]`` is the
segment's text, whatever was cut around it.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from ..types import Post, Segment
from .boilerplate import is_appeal, is_page_furniture, opens_footer, speaks_as_publisher
from .credits import byline_author, credit_spans, dateline, is_byline, is_credit_line
from .items import TITLE_MAX_WORDS, Item, Role, segments_of
from .liveblog import (
    after_headline_regions,
    closing_posts,
    lead_byline,
    live_style,
    looks_live,
    opening_regions,
    place_times,
    posts_from,
)
from .paragraphs import (
    looks_like_headline,
    split_paragraphs,
)
from .signoff import parse_signoff
from .stamps import (
    is_key_events,
    is_live_furniture,
    is_update_line,
    page_date,
    parse_time_stamp,
)
from .words import flat

APPEAL_REACH = 2  # publisher-voice paragraphs taken into an appeal on each side


@dataclass(frozen=True)
class Layout:
    """What ingest found in one text (the Document minus identity fields)."""

    segments: tuple[Segment, ...]
    posts: tuple[Post, ...] = ()
    title: str | None = None
    author: str | None = None
    published: datetime | date | None = None
    is_live_blog: bool = False


_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")


def _keep_pieces(text: str, item: Item, default_zone: str) -> date | None:
    """Fill ``item.pieces`` with the paragraph minus dateline and credits;
    return the dateline's date if it has one."""
    para = item.para
    cuts: list[tuple[int, int]] = []
    when = None
    heading = _MARKDOWN_HEADING.match(para.text)
    if heading:
        cuts.append((0, heading.end()))
        item.heading = True
    else:
        found = dateline(para.text, default_zone)
        if found is not None:
            cuts.append((0, found[0]))
            when = found[1]
    cuts.extend(credit_spans(para.text))
    cuts.extend(item.cuts)
    cuts.sort()
    pieces: list[tuple[int, int]] = []
    pos = 0
    for cut_start, cut_end in cuts + [(len(para.text), len(para.text))]:
        if cut_start > pos:
            pieces.append((pos, cut_start))
        pos = max(pos, cut_end)
    for start, end in pieces:
        chunk = para.text[start:end]
        if not any(ch.isalnum() for ch in chunk):
            continue
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        item.pieces.append((para.start + start + lead, para.start + end - trail))
    return when


def _classify(items: list[Item], text: str, default_zone: str) -> None:
    half = len(text) / 2
    for i, item in enumerate(items):
        line = flat(item.para.text)
        if opens_footer(line):
            if item.para.start >= half:
                for rest in items[i:]:
                    rest.role = Role.DROPPED
                return
            item.role = Role.DROPPED
            continue
        if is_update_line(line) or is_live_furniture(line):
            item.role, item.key_events = Role.DROPPED, is_key_events(line)
            continue
        signoff = parse_signoff(line, default_zone)
        if signoff is not None:
            item.role, item.signoff = Role.SIGNOFF, signoff
        elif (time := parse_time_stamp(line)) is not None:
            item.role, item.time = Role.STAMP, time
        elif (page := page_date(line, default_zone)) is not None:
            item.role, item.page = Role.DROPPED, page
        elif is_appeal(line):
            cuts = _appeal_sentences(item.para.text)
            if cuts is None:  # the appeal is the whole paragraph
                item.role = Role.DROPPED
            else:  # news with an appeal inside: only the appeal's sentences go
                item.cuts = cuts
            _widen_appeal(items, i)
        elif is_page_furniture(line) or is_byline(line) or is_credit_line(line):
            item.role = Role.DROPPED


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _appeal_sentences(text: str) -> list[tuple[int, int]] | None:
    """The sentences of an appeal paragraph to cut, with their publisher-voice
    neighbours; None when that is all of it (or no one sentence is an appeal,
    so only the paragraph as a whole reads as one)."""
    spans = _sentence_spans(text)
    cut = [
        is_appeal(" ".join(text[a:b].split()),
                  context=text[spans[max(i - 1, 0)][0] : spans[min(i + 1, len(spans) - 1)][1]])
        for i, (a, b) in enumerate(spans)
    ]
    if not any(cut):
        return None
    for i in [i for i, c in enumerate(cut) if c]:
        for step in (-1, 1):
            j = i + step
            for _ in range(APPEAL_REACH):
                if not 0 <= j < len(spans) or cut[j]:
                    break
                if not speaks_as_publisher(" ".join(text[spans[j][0] : spans[j][1]].split())):
                    break
                cut[j] = True
                j += step
    if all(cut):
        return None
    return [span for span, c in zip(spans, cut, strict=True) if c]


def _widen_appeal(items: list[Item], index: int) -> None:
    """Take publisher-voice neighbours of an appeal into it (see boilerplate)."""
    for step in (-1, 1):
        j = index + step
        for _ in range(APPEAL_REACH):
            if not 0 <= j < len(items) or items[j].role is not Role.CONTENT:
                break
            line = flat(items[j].para.text)
            if looks_like_headline(line) or not speaks_as_publisher(line):
                break
            items[j].role = Role.DROPPED
            j += step

def _ignore(message: str) -> None:
    pass


def analyse_layout(text: str, *, timezone: str = "UTC", title: str | None = None,
                   warn: Callable[[str], None] = _ignore, published: datetime | date | None = None) -> Layout:
    """Segments, posts and metadata found in ``text`` (see the module docstring).

    ``title``, when the caller knows it (HTML metadata, a JSON field), marks
    the paragraph equal to it as the headline whatever its length.
    ``published``, when the caller knows it, gives the day of a live blog's
    time-only stamps if the text has no dated page header. ``warn``
    hears, in one line without the source's name, when a text looks like a
    live blog but its posts or their times cannot be found.
    """
    known_published = published
    items = [Item(para) for para in split_paragraphs(text)]
    _classify(items, text, timezone)

    author = None
    published = None
    heading = flat(title) if title is not None else None
    for item in items:
        if item.role is Role.DROPPED and author is None:
            author = byline_author(flat(item.para.text))
        if item.role is Role.CONTENT:
            when = _keep_pieces(text, item, timezone)
            published = published or when
            if heading is not None and flat(item.para.text) == heading:
                item.heading = True
    signoffs = [item.signoff for item in items if item.signoff is not None]
    content = [item for item in items if item.role is Role.CONTENT and item.pieces]
    style = live_style(items)

    if style is not None:
        if style == "closing":
            segments, posts, lead = closing_posts(text, items)
            authors = {s.author for s in signoffs}
            blog_author = authors.pop() if len(authors) == 1 else author
        else:
            if style == "after-headline":
                lead, regions = after_headline_regions(items)
            else:
                lead, regions, stamps = opening_regions(items, style)
                if style == "time-only":
                    place_times(items, regions, stamps, timezone, warn, known_published or published)
            segments, posts = posts_from(text, lead, regions)
            authors = {p.author for p in posts if p.author}
            blog_author = lead_byline(items, posts) or (authors.pop() if len(authors) == 1 else None)
        doc_title = None
        if lead and (lead[0].heading or looks_like_headline(lead[0].para.text, TITLE_MAX_WORDS)):
            doc_title = " ".join(text[lead[0].pieces[0][0] : lead[0].pieces[0][1]].split())
        if not posts:
            warn("looks like a live blog (stamp lines) but no posts with text were found")
        times = [p.published for p in posts if p.published is not None]
        page = next((item.page[0] for item in items if item.page is not None), None)
        return Layout(
            segments=tuple(sorted(segments, key=lambda s: s.start)),
            posts=tuple(posts),
            title=doc_title,
            author=blog_author,
            published=max(times) if times else (published or page),
            is_live_blog=True,
        )

    if signoffs:  # one sign-off closes an ordinary article
        author = author or signoffs[0].author
        published = published or signoffs[0].published
    published = published or next((item.page[0] for item in items if item.page is not None), None)
    doc_title = None
    first_is_title = bool(content) and (
        content[0].heading or looks_like_headline(content[0].para.text, TITLE_MAX_WORDS)
    )
    if first_is_title:
        start, end = content[0].pieces[0]
        doc_title = " ".join(text[start:end].split())
    if looks_live(items, content):
        warn("looks like a live blog but no posts were found (no time or date line opens or closes"
             " its posts); read as one article, without post times")
    segments = segments_of(text, content, None, first_is_title)
    return Layout(segments=tuple(segments), title=doc_title, author=author, published=published)

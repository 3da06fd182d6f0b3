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
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from enum import Enum
from itertools import pairwise

from ..types import Post, Segment
from .boilerplate import is_appeal, is_page_furniture, opens_footer, speaks_as_publisher
from .credits import byline_author, credit_spans, dateline, is_byline, is_credit_line
from .dates import zone_for_abbreviation
from .paragraphs import (
    Paragraph,
    headline_label_length,
    looks_like_headline,
    split_paragraphs,
)
from .signoff import SignOff, parse_signoff
from .stamps import (
    TimeOfDay,
    is_key_events,
    is_live_furniture,
    is_update_line,
    page_date,
    parse_time_stamp,
    title_says_live,
)

TITLE_MAX_WORDS = 20  # a title or post headline is shorter than this
POST_HEADLINE_MAX_WORDS = 25  # right after a sign-off the position says "headline"
SUBHEADING_MAX_WORDS = 14  # inside a body only a really short line is a subheading
APPEAL_REACH = 2  # publisher-voice paragraphs taken into an appeal on each side


class Role(Enum):
    CONTENT = "content"
    SIGNOFF = "signoff"  # a full date and time (with or without a name): closes or opens a post
    STAMP = "stamp"  # a time of day alone, opening a post
    DROPPED = "dropped"


@dataclass
class _Item:
    """A paragraph with what it was found to be and the stretches kept of it."""

    para: Paragraph
    role: Role = Role.CONTENT
    signoff: SignOff | None = None
    pieces: list[tuple[int, int]] = field(default_factory=list)  # absolute offsets
    heading: bool = False  # forced headline (markdown heading, given title)
    cuts: list[tuple[int, int]] = field(default_factory=list)  # appeal sentences, offsets in para.text
    time: TimeOfDay | None = None  # a time-only stamp
    page: tuple[datetime | date, str | None] | None = None  # a dated page header line, and its zone
    key_events: bool = False  # a "Key events" box opens here


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


def _keep_pieces(text: str, item: _Item, default_zone: str) -> date | None:
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


def _classify(items: list[_Item], text: str, default_zone: str) -> None:
    half = len(text) / 2
    for i, item in enumerate(items):
        flat = " ".join(item.para.text.split())
        if opens_footer(flat):
            if item.para.start >= half:
                for rest in items[i:]:
                    rest.role = Role.DROPPED
                return
            item.role = Role.DROPPED
            continue
        if is_update_line(flat) or is_live_furniture(flat):
            item.role, item.key_events = Role.DROPPED, is_key_events(flat)
            continue
        signoff = parse_signoff(flat, default_zone)
        if signoff is not None:
            item.role, item.signoff = Role.SIGNOFF, signoff
        elif (time := parse_time_stamp(flat)) is not None:
            item.role, item.time = Role.STAMP, time
        elif (page := page_date(flat, default_zone)) is not None:
            item.role, item.page = Role.DROPPED, page
        elif is_appeal(flat):
            cuts = _appeal_sentences(item.para.text)
            if cuts is None:  # the appeal is the whole paragraph
                item.role = Role.DROPPED
            else:  # news with an appeal inside: only the appeal's sentences go
                item.cuts = cuts
            _widen_appeal(items, i)
        elif is_page_furniture(flat) or is_byline(flat) or is_credit_line(flat):
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


def _widen_appeal(items: list[_Item], index: int) -> None:
    """Take publisher-voice neighbours of an appeal into it (see boilerplate)."""
    for step in (-1, 1):
        j = index + step
        for _ in range(APPEAL_REACH):
            if not 0 <= j < len(items) or items[j].role is not Role.CONTENT:
                break
            flat = " ".join(items[j].para.text.split())
            if looks_like_headline(flat) or not speaks_as_publisher(flat):
                break
            items[j].role = Role.DROPPED
            j += step


def _segments_of(text: str, items: list[_Item], post: int | None, first_is_headline: bool) -> list[Segment]:
    segments = []
    for n, item in enumerate(items):
        for k, (start, end) in enumerate(item.pieces):
            kind = "body"
            if (n == 0 and k == 0 and first_is_headline) or item.heading:
                kind = "headline"
            elif len(item.pieces) == 1 and looks_like_headline(text[start:end], SUBHEADING_MAX_WORDS):
                kind = "headline"
            segments.append(Segment(start=start, end=end, post=post, kind=kind))
    return segments


def _headline_segment(text: str, item: _Item) -> tuple[int, int]:
    """The headline's stretch without a section label ("Full story: ...")."""
    start, end = item.pieces[0]
    return start + headline_label_length(text[start:end]), end


def _build_post(text: str, index: int, items: list[_Item], author: str | None,
                published: datetime | date | None) -> tuple[Post, list[Segment]] | None:
    items = [item for item in items if item.pieces]
    if not items:
        return None
    first = items[0]
    has_headline = first.heading or looks_like_headline(
        text[first.pieces[0][0] : first.pieces[0][1]], POST_HEADLINE_MAX_WORDS
    )
    segments = _segments_of(text, items, index, has_headline)
    headline = None
    if has_headline:
        h_start, h_end = _headline_segment(text, first)
        segments[0] = Segment(start=h_start, end=h_end, post=index, kind="headline")
        headline = " ".join(text[h_start:h_end].split())
    post = Post(
        index=index,
        start=segments[0].start,
        end=segments[-1].end,
        headline=headline,
        author=author,
        published=published,
    )
    return post, segments


def _live_blog(text: str, items: list[_Item]) -> tuple[list[Segment], list[Post], list[_Item]]:
    """Posts closed by sign-offs; returns segments, posts and the lead's items."""
    regions: list[tuple[list[_Item], SignOff | None]] = []
    current: list[_Item] = []
    for item in items:
        if item.role is Role.SIGNOFF:
            regions.append((current, item.signoff))
            current = []
        elif item.role is Role.CONTENT and item.pieces:
            current.append(item)
    if current:
        regions.append((current, None))  # a last post whose sign-off is missing

    lead: list[_Item] = []
    first_items, first_signoff = regions[0]
    for j in range(len(first_items) - 1, -1, -1):
        candidate = first_items[j]
        if candidate.heading or looks_like_headline(candidate.para.text, TITLE_MAX_WORDS):
            lead, first_items = first_items[:j], first_items[j:]
            break
    regions[0] = (first_items, first_signoff)

    segments = _segments_of(text, lead, None, False)
    posts: list[Post] = []
    for region_items, signoff in regions:
        built = _build_post(text, len(posts) + 1, region_items, signoff.author if signoff else None,
                            signoff.published if signoff else None)
        if built is not None:
            posts.append(built[0])
            segments.extend(built[1])
    return segments, posts, lead


@dataclass
class _Region:
    """One post being assembled: its content items and what its stamp and byline say."""

    items: list[_Item]
    author: str | None = None
    published: datetime | date | None = None


def _previous_shown(items: list[_Item], index: int) -> _Item | None:
    for j in range(index - 1, -1, -1):
        if items[j].role is not Role.DROPPED:
            return items[j]
    return None


def _is_headline_item(item: _Item | None) -> bool:
    return item is not None and item.role is Role.CONTENT and bool(item.pieces) and (
        item.heading or looks_like_headline(item.para.text, TITLE_MAX_WORDS))


def _live_style(items: list[_Item]) -> str | None:
    """Which house style times the posts: "closing" sign-offs (a name glued to
    a date), full stamps "opening" posts, stamps "after-headline", "time-only"
    stamps opening posts under a dated header; None for an article."""
    full = [i for i, item in enumerate(items) if item.role is Role.SIGNOFF]
    if len(full) >= 2:
        if any(items[i].signoff.author for i in full):
            return "closing"
        if all(_is_headline_item(_previous_shown(items, i)) for i in full):
            return "after-headline"
        if any(item.role is Role.CONTENT and item.pieces for item in items[full[-1] + 1 :]):
            return "opening"
        return "closing"
    if sum(item.role is Role.STAMP for item in items) >= 2:
        return "time-only"
    return None


_NAME_LINE_WORD = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ'’-]+$")


def _is_author_line(item: _Item) -> bool:
    """A line that is only a person's name (2-4 capitalised words), as live
    blogs print above a post."""
    words = item.para.text.split()
    return 2 <= len(words) <= 4 and all(_NAME_LINE_WORD.match(w) for w in words)


def _fill_region(region: _Region, item: _Item) -> None:
    if item.role is Role.DROPPED:
        name = byline_author(" ".join(item.para.text.split()))
        if name and region.author is None:
            region.author = name
        return
    if item.role is Role.CONTENT and item.pieces:
        region.items.append(item)


def _opening_regions(items: list[_Item], style: str) -> tuple[list[_Item], list[_Region], list[_Item]]:
    """Lead items, regions opened by stamps, and the stamp items in order."""
    lead: list[_Item] = []
    regions: list[_Region] = []
    stamps: list[_Item] = []
    in_key_events = False
    boundary = Role.STAMP if style == "time-only" else Role.SIGNOFF
    for item in items:
        if item.role is boundary:
            regions.append(_Region([], published=item.signoff.published if item.signoff else None))
            stamps.append(item)
        elif regions:
            region = regions[-1]
            if (not region.items and region.author is None and item.role is Role.CONTENT and item.pieces
                    and _is_author_line(item)):
                region.author = " ".join(item.para.text.split())
                item.role = Role.DROPPED
                continue
            _fill_region(region, item)
        elif item.key_events:
            in_key_events = True
        elif item.role is Role.CONTENT and item.pieces:
            if in_key_events:
                item.role = Role.DROPPED  # the box repeats post headlines: not the lead
            else:
                lead.append(item)
    return lead, regions, stamps


def _after_headline_regions(items: list[_Item]) -> tuple[list[_Item], list[_Region]]:
    """Lead items and regions, each a headline, its stamp line, a byline and a body."""
    heads = {id(_previous_shown(items, i)): item for i, item in enumerate(items) if item.role is Role.SIGNOFF}
    lead: list[_Item] = []
    regions: list[_Region] = []
    for item in items:
        if id(item) in heads:
            regions.append(_Region([item], published=heads[id(item)].signoff.published))
        elif item.role is Role.SIGNOFF:
            continue
        elif regions:
            _fill_region(regions[-1], item)
        elif item.role is Role.CONTENT and item.pieces and not item.key_events:
            lead.append(item)
    if len(regions) > 1 and not lead and (
            len(regions[0].items) == 1 or title_says_live(regions[0].items[0].para.text)):
        # the page's title and date ("... live updates" / "Dec 2, 2025, 8:00 AM EST"), then its lead
        lead.extend(regions.pop(0).items)
    return lead, regions


def _page_header(items: list[_Item], first_stamp: _Item, timezone: str) -> tuple[date, tzinfo] | None:
    """The day, and the zone of times that name none, from a dated page header above the first post."""
    for item in items:
        if item is first_stamp:
            return None
        if item.page is not None:
            when, zone_name = item.page
            day = when.date() if isinstance(when, datetime) else when
            return day, zone_for_abbreviation(zone_name, timezone)
        if item.signoff is not None:  # "4 Mar 2025 11.40 GMT" alone: read as a sign-off, it dates the page
            item.role, item.page = Role.DROPPED, (item.signoff.published, None)
            return item.signoff.published.date(), item.signoff.published.tzinfo
    return None


def _place_times(items: list[_Item], regions: list[_Region], stamps: list[_Item], timezone: str,
                 warn: Callable[[str], None]) -> None:
    """Times of day on the page header's day; none when that cannot be done."""
    header = _page_header(items, stamps[0], timezone)
    if header is None:
        warn(f"{len(stamps)} live-blog post times could not be placed in a day (no dated page header);"
             " the posts are left without a time")
        return
    day, default_tz = header
    minutes = [_clock_minutes(s.time) for s in stamps]
    ascending = all(a <= b for a, b in pairwise(minutes))
    descending = all(a >= b for a, b in pairwise(minutes))
    if not (ascending or descending):
        warn(f"live-blog post times run past midnight or out of order under the page date {day.isoformat()};"
             " they cannot be placed in a day and are left without a time")
        return
    for region, stamp in zip(regions, stamps, strict=True):
        region.published = stamp.time.on(day, default_tz)


def _clock_minutes(time: TimeOfDay) -> int:
    hour = time.hour
    if time.meridiem:
        hour = hour % 12 + (12 if time.meridiem.lower().startswith("p") else 0)
    return hour * 60 + time.minute


def _posts_from(text: str, lead: list[_Item], regions: list[_Region]) -> tuple[list[Segment], list[Post]]:
    segments = _segments_of(text, lead, None, False)
    posts: list[Post] = []
    for region in regions:
        built = _build_post(text, len(posts) + 1, region.items, region.author, region.published)
        if built is not None:
            posts.append(built[0])
            segments.extend(built[1])
    return segments, posts


def _ignore(message: str) -> None:
    pass


def analyse_layout(text: str, *, timezone: str = "UTC", title: str | None = None,
                   warn: Callable[[str], None] = _ignore) -> Layout:
    """Segments, posts and metadata found in ``text`` (see the module docstring).

    ``title``, when the caller knows it (HTML metadata, a JSON field), marks
    the paragraph equal to it as the headline whatever its length. ``warn``
    hears, in one line without the source's name, when a text looks like a
    live blog but its posts or their times cannot be found.
    """
    items = [_Item(para) for para in split_paragraphs(text)]
    _classify(items, text, timezone)

    author = None
    published = None
    for item in items:
        if item.role is Role.DROPPED and author is None:
            author = byline_author(" ".join(item.para.text.split()))
        if item.role is Role.CONTENT:
            when = _keep_pieces(text, item, timezone)
            published = published or when
            if title is not None and " ".join(item.para.text.split()) == " ".join(title.split()):
                item.heading = True
    signoffs = [item.signoff for item in items if item.signoff is not None]
    content = [item for item in items if item.role is Role.CONTENT and item.pieces]
    style = _live_style(items)

    if style is not None:
        if style == "closing":
            segments, posts, lead = _live_blog(text, items)
            authors = {s.author for s in signoffs}
            blog_author = authors.pop() if len(authors) == 1 else author
        else:
            if style == "after-headline":
                lead, regions = _after_headline_regions(items)
            else:
                lead, regions, stamps = _opening_regions(items, style)
                if style == "time-only":
                    _place_times(items, regions, stamps, timezone, warn)
            segments, posts = _posts_from(text, lead, regions)
            authors = {p.author for p in posts if p.author}
            blog_author = _lead_byline(items, posts) or (authors.pop() if len(authors) == 1 else None)
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
    if _looks_live(items, content):
        warn("looks like a live blog but no posts were found (no time or date line opens or closes"
             " its posts); read as one article, without post times")
    segments = _segments_of(text, content, None, first_is_title)
    return Layout(segments=tuple(segments), title=doc_title, author=author, published=published)


def _lead_byline(items: list[_Item], posts: list[Post]) -> str | None:
    """The byline above the first post (a post's own byline is that post's author)."""
    for item in items:
        if item.role in (Role.SIGNOFF, Role.STAMP) or (posts and item.para.start >= posts[0].start):
            return None
        if item.role is Role.DROPPED and (name := byline_author(" ".join(item.para.text.split()))):
            return name
    return None


def _looks_live(items: list[_Item], content: list[_Item]) -> bool:
    """A live blog's marks without its posts: a "live" title, a key-events box, a lone time stamp."""
    if any(item.key_events or item.role is Role.STAMP for item in items):
        return True
    return bool(content) and title_says_live(content[0].para.text) and len(content) > 1

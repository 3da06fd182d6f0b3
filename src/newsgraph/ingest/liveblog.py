"""Live blogs: paragraphs grouped into posts, in each house style.

``live_style`` tells the styles apart by their stamp lines (see ``stamps``
and ``signoff``): sign-offs naming an author close posts; full timestamps
open posts; a headline comes before its full timestamp and byline; or a time
of day alone opens each post, under a dated page header that gives the day.
A time that cannot be placed in a day is left out, with a warning, never
guessed.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from itertools import pairwise

from ..types import Post, Segment
from .credits import byline_author
from .dates import zone_for_abbreviation
from .items import TITLE_MAX_WORDS, Item, Role, build_post, segments_of
from .paragraphs import looks_like_headline
from .signoff import SignOff
from .stamps import TimeOfDay, title_says_live
from .words import flat, more_words_than


def closing_posts(text: str, items: list[Item]) -> tuple[list[Segment], list[Post], list[Item]]:
    """Posts closed by sign-offs; returns segments, posts and the lead's items."""
    regions: list[tuple[list[Item], SignOff | None]] = []
    current: list[Item] = []
    for item in items:
        if item.role is Role.SIGNOFF:
            regions.append((current, item.signoff))
            current = []
        elif item.role is Role.CONTENT and item.pieces:
            current.append(item)
    if current:
        regions.append((current, None))  # a last post whose sign-off is missing

    lead: list[Item] = []
    first_items, first_signoff = regions[0]
    for j in range(len(first_items) - 1, -1, -1):
        candidate = first_items[j]
        if candidate.heading or looks_like_headline(candidate.para.text, TITLE_MAX_WORDS):
            lead, first_items = first_items[:j], first_items[j:]
            break
    regions[0] = (first_items, first_signoff)

    segments = segments_of(text, lead, None, False)
    posts: list[Post] = []
    for region_items, signoff in regions:
        built = build_post(text, len(posts) + 1, region_items, signoff.author if signoff else None,
                            signoff.published if signoff else None)
        if built is not None:
            posts.append(built[0])
            segments.extend(built[1])
    return segments, posts, lead


@dataclass
class _Region:
    """One post being assembled: its content items and what its stamp and byline say."""

    items: list[Item]
    author: str | None = None
    published: datetime | date | None = None


def _previous_shown(items: list[Item], index: int) -> Item | None:
    for j in range(index - 1, -1, -1):
        if items[j].role is not Role.DROPPED:
            return items[j]
    return None


def _is_headline_item(item: Item | None) -> bool:
    return item is not None and item.role is Role.CONTENT and bool(item.pieces) and (
        item.heading or looks_like_headline(item.para.text, TITLE_MAX_WORDS))


def live_style(items: list[Item]) -> str | None:
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


def _is_author_line(item: Item) -> bool:
    """A line that is only a person's name (2-4 capitalised words), as live
    blogs print above a post."""
    if more_words_than(item.para.text, 4):
        return False
    words = item.para.text.split()
    return 2 <= len(words) <= 4 and all(_NAME_LINE_WORD.match(w) for w in words)


def _fill_region(region: _Region, item: Item) -> None:
    if item.role is Role.DROPPED:
        name = byline_author(flat(item.para.text))
        if name and region.author is None:
            region.author = name
        return
    if item.role is Role.CONTENT and item.pieces:
        region.items.append(item)


def opening_regions(items: list[Item], style: str) -> tuple[list[Item], list[_Region], list[Item]]:
    """Lead items, regions opened by stamps, and the stamp items in order."""
    lead: list[Item] = []
    regions: list[_Region] = []
    stamps: list[Item] = []
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
                region.author = flat(item.para.text)
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


def after_headline_regions(items: list[Item]) -> tuple[list[Item], list[_Region]]:
    """Lead items and regions, each a headline, its stamp line, a byline and a body."""
    heads = {id(_previous_shown(items, i)): item for i, item in enumerate(items) if item.role is Role.SIGNOFF}
    lead: list[Item] = []
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


def _page_header(items: list[Item], first_stamp: Item, timezone: str,
                 known: datetime | date | None) -> tuple[date, tzinfo] | None:
    """The day, and the zone of times that name none, from a dated page header above the first post,
    else from the publication date the caller knows (metadata, front matter, --published)."""
    for item in items:
        if item is first_stamp:
            break
        if item.page is not None:
            when, zone_name = item.page
            day = when.date() if isinstance(when, datetime) else when
            return day, zone_for_abbreviation(zone_name, timezone)
        if item.signoff is not None:  # "4 Mar 2025 11.40 GMT" alone: read as a sign-off, it dates the page
            item.role, item.page = Role.DROPPED, (item.signoff.published, None)
            return item.signoff.published.date(), item.signoff.published.tzinfo
    if isinstance(known, datetime):
        return known.date(), known.tzinfo or zone_for_abbreviation(None, timezone)
    if isinstance(known, date):
        return known, zone_for_abbreviation(None, timezone)
    return None


def place_times(items: list[Item], regions: list[_Region], stamps: list[Item], timezone: str,
                warn: Callable[[str], None], known: datetime | date | None = None) -> None:
    """Times of day on the page header's day; none when that cannot be done."""
    header = _page_header(items, stamps[0], timezone, known)
    if header is None:
        warn(f"{len(stamps)} live-blog post times could not be placed in a day (no dated page header"
             " nor publication date); the posts are left without a time")
        return
    day, default_tz = header
    minutes = [_clock_minutes(s.time) for s in stamps]
    ascending = all(a <= b for a, b in pairwise(minutes))
    descending = all(a >= b for a, b in pairwise(minutes))
    if not (ascending or descending):
        warn(f"live-blog post times run past midnight or out of order under the page date {day.isoformat()};"
             " they cannot be placed in a day and are left without a time")
        return
    placed = [stamp.time.on(day, default_tz) for stamp in stamps]
    from_metadata = not any(item.page is not None for item in items)
    if from_metadata and isinstance(known, datetime) and known.tzinfo is not None and any(
            when is not None and when < known for when in placed):
        # posts before the blog was published: they belong to a later day the text does not give
        warn(f"live-blog post times fall before the publication time {known.isoformat()} and the page has no"
             " dated header; they cannot be placed in a day and are left without a time")
        return
    for region, when in zip(regions, placed, strict=True):
        region.published = when


def _clock_minutes(time: TimeOfDay) -> int:
    hour = time.hour
    if time.meridiem:
        hour = hour % 12 + (12 if time.meridiem.lower().startswith("p") else 0)
    return hour * 60 + time.minute


def posts_from(text: str, lead: list[Item], regions: list[_Region]) -> tuple[list[Segment], list[Post]]:
    segments = segments_of(text, lead, None, False)
    posts: list[Post] = []
    for region in regions:
        built = build_post(text, len(posts) + 1, region.items, region.author, region.published)
        if built is not None:
            posts.append(built[0])
            segments.extend(built[1])
    return segments, posts


def lead_byline(items: list[Item], posts: list[Post]) -> str | None:
    """The byline above the first post (a post's own byline is that post's author)."""
    for item in items:
        if item.role in (Role.SIGNOFF, Role.STAMP) or (posts and item.para.start >= posts[0].start):
            return None
        if item.role is Role.DROPPED and (name := byline_author(flat(item.para.text))):
            return name
    return None


def looks_live(items: list[Item], content: list[Item]) -> bool:
    """A live blog's marks without its posts: a "live" title, a key-events box, a lone time stamp."""
    if any(item.key_events or item.role is Role.STAMP for item in items):
        return True
    return bool(content) and title_says_live(content[0].para.text) and len(content) > 1

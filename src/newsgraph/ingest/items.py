"""A paragraph under layout analysis, and how kept paragraphs become segments and posts.

Shared by ``layout`` (which classifies paragraphs) and ``liveblog`` (which
groups them into posts in each house style).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from ..types import Post, Segment
from .paragraphs import Paragraph, headline_label_length, looks_like_headline
from .signoff import SignOff
from .stamps import TimeOfDay

TITLE_MAX_WORDS = 20  # a title or post headline is shorter than this
POST_HEADLINE_MAX_WORDS = 25  # right after a sign-off the position says "headline"
SUBHEADING_MAX_WORDS = 14  # inside a body only a really short line is a subheading


class Role(Enum):
    CONTENT = "content"
    SIGNOFF = "signoff"  # a full date and time (with or without a name): closes or opens a post
    STAMP = "stamp"  # a time of day alone, opening a post
    DROPPED = "dropped"


@dataclass
class Item:
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


def segments_of(text: str, items: list[Item], post: int | None, first_is_headline: bool) -> list[Segment]:
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


def _headline_segment(text: str, item: Item) -> tuple[int, int]:
    """The headline's stretch without a section label ("Full story: ...")."""
    start, end = item.pieces[0]
    return start + headline_label_length(text[start:end]), end


def build_post(text: str, index: int, items: list[Item], author: str | None,
                published: datetime | date | None) -> tuple[Post, list[Segment]] | None:
    items = [item for item in items if item.pieces]
    if not items:
        return None
    first = items[0]
    has_headline = first.heading or looks_like_headline(
        text[first.pieces[0][0] : first.pieces[0][1]], POST_HEADLINE_MAX_WORDS
    )
    segments = segments_of(text, items, index, has_headline)
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

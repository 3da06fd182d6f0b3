"""Live-blog sign-off lines: an author's name and a time closing a post.

Plain-text copies of live blogs lose the markup that separates posts, but each
post still ends with a line naming who wrote it and when, often with the name
and the date glued together ("Jane Doe13 November 2024 10:24"). Such a line is
the one reliable post boundary, so it is recognised strictly: the whole line
must be an optional name, a date and a time (a date alone is not enough, so
an article that merely has a date line is not split into posts).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from .dates import (
    MONTH_PATTERN,
    TZ_ABBREVIATION_PATTERN,
    build_datetime,
    month_number,
    zone_for_abbreviation,
)

_DATE = rf"""(?:
      (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTH_PATTERN})\s*,?\s+(?P<y1>\d{{4}})
    | (?P<m2>{MONTH_PATTERN})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(?P<y2>\d{{4}})
    | (?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})
)"""

_SIGNOFF = re.compile(
    rf"""^\s*
    (?P<author>[^\d\n]{{0,80}}?)           # the name, glued or not; no digits
    \s*(?:[|,·•–—-]\s*)?
    {_DATE}
    \s*(?:,|at|\||-|–|—|T)?\s*
    (?P<h>\d{{1,2}})[:.](?P<mi>\d{{2}})\s*(?P<ap>[AaPp]\.?[Mm]\.?)?
    (?:\s*\(?(?P<tz>{TZ_ABBREVIATION_PATTERN})\)?)?
    \s*$""",
    re.VERBOSE,
)

# Lower-case words that may sit inside a personal name ("Ursula von der Leyen").
_NAME_PARTICLES = frozenset(
    "and de del della der di da do dos du van von la le el al bin bint ibn y e".split()
)
_WEEKDAY = re.compile(r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?$",
                      re.IGNORECASE)
_PUBLISHED_WORDS = re.compile(
    r"^(?:(?:first\s+)?published|posted|last\s+modified)(?:\s+(?:on|at))?\s*:?\s*$", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$|^[A-Z]\.$")


@dataclass(frozen=True)
class SignOff:
    """What a sign-off line says: who wrote the post and when."""

    author: str | None
    published: datetime


def _clean_author(raw: str) -> str | None | bool:
    """The author's name, None when the line names nobody, False when the
    text before the date is not a name (then the line is not a sign-off)."""
    name = re.sub(r"^\s*(?:by|posted by|updated by)\s+", "", raw.strip(), flags=re.IGNORECASE)
    if _PUBLISHED_WORDS.match(name):  # "Published 3 Mar 2025 09:12": the page's time, nobody's name
        return None
    name = name.strip(" \t|,·•–—-")
    if not name or _WEEKDAY.match(name):  # "Tue 4 Mar 2025 11.40": a page's date, not a name
        return None
    words = name.replace(",", " ").split()
    if len(words) > 8:
        return False
    if not all(_NAME_WORD.match(w) or w.lower() in _NAME_PARTICLES or w == "&" for w in words):
        return False
    if not _NAME_WORD.match(words[0]):
        return False
    return name


def parse_signoff(line: str, default_zone: str = "UTC") -> SignOff | None:
    """Read ``line`` as a sign-off, or return None if it is anything else."""
    if len(line) > 160:
        return None
    m = _SIGNOFF.match(line)
    if not m:
        return None
    author = _clean_author(m["author"])
    if author is False:
        return None
    if m["y3"]:
        year, month, day = int(m["y3"]), int(m["m3"]), int(m["d3"])
    else:
        month_name = m["m1"] or m["m2"]
        month = month_number(month_name)
        if month is None:
            return None
        year, day = int(m["y1"] or m["y2"]), int(m["d1"] or m["d2"])
    tz = zone_for_abbreviation(m["tz"], default_zone)
    published = build_datetime(year, month, day, int(m["h"]), int(m["mi"]), meridiem=m["ap"], tz=tz)
    if published is None:
        return None
    return SignOff(author=author if isinstance(author, str) else None, published=published)

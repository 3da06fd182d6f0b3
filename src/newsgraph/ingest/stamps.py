"""Lines that time a live blog's posts, or date its page, or are its furniture.

Live blogs are copied in a few house styles; what marks a post differs:

* a time alone opening each post ("09.12 BST", "9:12am"), its day given
  once by a dated page header ("Tue 4 Mar 2025 11.40 GMT");
* a full date and time opening each post ("3 Mar 2025 09:12 GMT"), or
  following the post's headline ("Mar 3, 2025, 9:12 AM EST");
* a name glued to a date and time closing each post (see ``signoff``).

Around them sit lines that are page furniture, not news: "Updated at 10.05
GMT", "Key events", "Show key events only", "2h ago". This module only
recognises lines; ``layout`` decides which style a text is written in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from .dates import (
    TZ_ABBREVIATION_PATTERN,
    build_datetime,
    parse_written_date,
    zone_for_abbreviation,
)

_TIME = (
    r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})\s*(?P<ap>[AaPp]\.?\s?[Mm]\.?)?"
    rf"(?:\s*\(?(?P<tz>{TZ_ABBREVIATION_PATTERN})\)?)?"
)
_TIME_ONLY = re.compile(rf"^\s*{_TIME}\s*$")

# "Updated at 10.05 GMT", "Last updated: 3 Mar 2025 10:40", "Updated 10:40 a.m. EST"
_UPDATE_LINE = re.compile(r"^\s*(?:last\s+)?(?:updated|modified|edited)\b(?:\s+(?:at|on))?\s*:?\s*(?P<rest>.*)$",
                          re.IGNORECASE)
# A dated page header: "Tue 4 Mar 2025 11.40 GMT", "Published: 4 March 2025", "First published on ..."
_HEADER_PREFIX = re.compile(
    r"^\s*(?:(?:first\s+)?published(?:\s+on)?\s*:?\s*|last\s+modified(?:\s+on)?\s*:?\s*)?"
    r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?,?\s+)?",
    re.IGNORECASE,
)
_FURNITURE = re.compile(
    r"^(?:key events?|show key events only|key events only|live feed|live updates?|live coverage|pinned post"
    r"|please turn on javascript to use this feature|show (?:more|all|\d+ (?:more|new) updates?)|view all key events"
    r"|load (?:more|new) (?:posts|updates)|refresh|new updates?|\d+\s*(?:s|sec|m|min|mins|h|hr|hrs|hours?|days?)\s+ago"
    r"|(?:just now|moments ago))\W*$",
    re.IGNORECASE,
)
_LIVE_TITLE = re.compile(r"(?:^|[\s:–—|-])live(?:\s+updates?|\s+blog|\s+news)?\s*(?:[:–—|-]|$)", re.IGNORECASE)


@dataclass(frozen=True)
class TimeOfDay:
    """A time without a date; ``zone`` is None when the stamp names none."""

    hour: int
    minute: int
    meridiem: str | None
    zone: str | None

    def on(self, day: date, default: tzinfo) -> datetime | None:
        tz = zone_for_abbreviation(self.zone, "UTC") if self.zone else default
        return build_datetime(day.year, day.month, day.day, self.hour, self.minute, meridiem=self.meridiem, tz=tz)


def parse_time_stamp(line: str) -> TimeOfDay | None:
    """A line that is only a time of day ("09.12 BST", "9:12am", "14:05")."""
    m = _TIME_ONLY.match(line)
    if not m:
        return None
    hour, minute = int(m["h"]), int(m["mi"])
    if minute > 59 or hour > 23 or (m["ap"] and not 1 <= hour <= 12):
        return None
    meridiem = m["ap"].replace(" ", "") if m["ap"] else None
    return TimeOfDay(hour, minute, meridiem, m["tz"].upper() if m["tz"] else None)


def is_update_line(line: str) -> bool:
    """"Updated at 10.05 GMT" and the like: a time or date after "Updated", nothing else."""
    m = _UPDATE_LINE.match(line)
    if not m or len(line) > 80:
        return False
    rest = m["rest"].strip()
    return bool(rest) and (parse_time_stamp(rest) is not None or page_date(rest, "UTC") is not None)


def page_date(line: str, default_zone: str) -> tuple[datetime | date, str | None] | None:
    """A line that is only a date (and maybe a time), with an optional weekday
    and "Published"/"Last modified" prefix; returns the date or datetime and the
    zone abbreviation it names."""
    if len(line) > 80:
        return None
    rest = _HEADER_PREFIX.sub("", line, count=1)
    when = parse_written_date(rest, default_zone)
    if when is None:
        return None
    zone_name = re.search(rf"\b(?:{TZ_ABBREVIATION_PATTERN})\)?\s*$", rest)
    return when, zone_name.group().strip(" )") if zone_name else None


def is_live_furniture(line: str) -> bool:
    return len(line) <= 60 and _FURNITURE.match(line.strip()) is not None


def is_key_events(line: str) -> bool:
    return re.match(r"^\s*key events?\W*$", line, re.IGNORECASE) is not None


def title_says_live(line: str) -> bool:
    return _LIVE_TITLE.search(line) is not None

"""Dates and times as news pages write them, turned into tz-aware datetimes,
or into dates when the source gives no time of day.

Why our own small parser: the forms that matter here are few (ISO 8601 from
metadata, "13 November 2024 10:24" and "November 13, 2024 10:24am" from
live-blog sign-offs and datelines), and dateparser costs seconds on a string
it cannot read (see NOTES-ecosystem.md). Every datetime that leaves ingest is
timezone-aware: a time that names no zone is read in the zone the user gave
(``--timezone``, default UTC). A date without a time of day stays a ``date``:
midnight would be a time the source never gave.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, tzinfo
from datetime import timezone as dt_timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..errors import InputError
from ..resources import read_csv

MONTHS: dict[str, int] = {}
for _number, _name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"],
    start=1,
):
    MONTHS[_name] = _number
    MONTHS[_name[:3]] = _number
MONTHS["sept"] = 9

#: Month names and abbreviations, for building larger patterns (case-insensitive).
MONTH_PATTERN = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)

def _zone_abbreviations() -> tuple[dict[str, int], dict[str, str]]:
    """ontology/time_zones.csv: fixed offsets, and seasonal regions by IANA name."""
    fixed: dict[str, int] = {}
    named: dict[str, str] = {}
    for row in read_csv("time_zones.csv"):
        if row["iana_zone"]:
            named[row["abbreviation"].upper()] = row["iana_zone"]
        else:
            fixed[row["abbreviation"].upper()] = int(row["utc_offset_minutes"])
    return fixed, named


#: Zone abbreviations that mean one offset wherever they are written, and
#: those that name a region whose offset changes with the season. Ambiguous
#: ones (CST, IST, AST) are left out on purpose: for them the user's zone wins.
FIXED_OFFSETS, NAMED_ZONES = _zone_abbreviations()
TZ_ABBREVIATION_PATTERN = "|".join(
    sorted([*FIXED_OFFSETS, *NAMED_ZONES], key=len, reverse=True)
)


@lru_cache(maxsize=64)
def zone(name: str) -> tzinfo:
    """The IANA zone ``name``; an unknown name is a user error, said in one line."""
    if name.upper() in ("UTC", "Z"):
        return dt_timezone.utc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(
            f"unknown time zone {name!r}: use an IANA name such as 'UTC' or 'Europe/London'"
        ) from None


def zone_for_abbreviation(abbreviation: str | None, default: str) -> tzinfo:
    """The zone a sign-off's abbreviation names, or the default zone if none."""
    if abbreviation:
        key = abbreviation.upper()
        if key in FIXED_OFFSETS:
            minutes = FIXED_OFFSETS[key]
            return dt_timezone.utc if minutes == 0 else dt_timezone(timedelta(minutes=minutes))
        if key in NAMED_ZONES:
            return zone(NAMED_ZONES[key])
    return zone(default)


def month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def build_datetime(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0,
    *, meridiem: str | None = None, tz: tzinfo,
) -> datetime | None:
    """A datetime from parts, or None when the parts are not a real date/time."""
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        is_pm = meridiem.lower().startswith("p")
        hour = (hour % 12) + (12 if is_pm else 0)
    try:
        return datetime(year, month, day, hour, minute, tzinfo=tz)
    except ValueError:
        return None


_WRITTEN_DATE = re.compile(
    rf"""^\s*(?:
        (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTH_PATTERN})\s*,?\s+(?P<y1>\d{{4}})
      | (?P<m2>{MONTH_PATTERN})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(?P<y2>\d{{4}})
    )
    (?:\s*(?:,|at|-|–|—|\|)?\s*
        (?P<h>\d{{1,2}})[:.](?P<mi>\d{{2}})\s*(?P<ap>[AaPp]\.?[Mm]\.?)?
        (?:\s*\(?(?P<tz>{TZ_ABBREVIATION_PATTERN})\)?)?
    )?\s*$""",
    re.VERBOSE,
)


def build_date(year: int, month: int, day: int) -> date | None:
    """A date from parts, or None when the parts are not a real date."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_written_date(value: str, default_zone: str) -> datetime | date | None:
    """Read "13 November 2024 10:24 GMT" / "Nov 13, 2024, 10:24am" forms (a date without a time
    stays a date)."""
    m = _WRITTEN_DATE.match(value)
    if not m:
        return None
    day = int(m["d1"] or m["d2"])
    month = month_number(m["m1"] or m["m2"])
    year = int(m["y1"] or m["y2"])
    if month is None:
        return None
    tz = zone_for_abbreviation(m["tz"], default_zone)
    if m["h"] is None:
        return build_date(year, month, day)
    return build_datetime(year, month, day, int(m["h"]), int(m["mi"]), meridiem=m["ap"], tz=tz)


_EPOCH = re.compile(r"^\d{9,13}(?:\.\d+)?$")
#: Above this a number since the epoch is in milliseconds (in seconds it would be after the year 5138).
EPOCH_MILLISECONDS_FROM = 100_000_000_000


def _from_epoch(value: float) -> datetime | None:
    """Seconds (or milliseconds) since 1970-01-01 UTC, as feeds and APIs write dates."""
    seconds = value / 1000 if abs(value) >= EPOCH_MILLISECONDS_FROM else value
    try:
        return datetime.fromtimestamp(seconds, tz=dt_timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None


_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def parse_published(value: object, default_zone: str = "UTC") -> datetime | date | None:
    """A publication date from metadata (ISO 8601, RFC 2822, written out, or a
    number of seconds or milliseconds since the epoch, which is UTC).

    Returns None for anything unreadable: a bad date in metadata should cost
    the date, never the article. A date without a time stays a ``date`` (no
    invented midnight); a naive time is read in the default zone.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_epoch(value)
    if isinstance(value, datetime):
        parsed: datetime | None = value
    elif isinstance(value, date):
        return value
    elif not isinstance(value, str) or not value.strip():
        return None
    else:
        text = value.strip()
        parsed = None
        if _EPOCH.match(text):
            return _from_epoch(float(text))
        if (iso := _ISO_DATE.match(text)) is not None:
            return build_date(int(iso[1]), int(iso[2]), int(iso[3]))
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
        except ValueError:
            pass
        if parsed is None:
            # Written forms first: the e-mail date parser is lenient and would
            # read "1:05 pm" as 01:05.
            written = parse_written_date(text, default_zone)
            if written is not None:
                return written
            try:
                parsed = parsedate_to_datetime(text)
            except (TypeError, ValueError, IndexError):
                return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone(default_zone))
    return parsed

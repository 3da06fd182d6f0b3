"""Bylines, photo and agency credits, and datelines.

These name people and organisations (the reporter, the photographer, the
wire agency) who are not actors in the story, so they are kept out of the
text the NLP stage reads. Bylines and credit lines drop a whole paragraph;
credits inside a caption and datelines at the start of a paragraph are cut
out as spans, so the rest of the paragraph is still analysed.

All patterns are about the form of these things in English-language news,
not about any one outlet.
"""
from __future__ import annotations

import re
from datetime import date

from .dates import MONTH_PATTERN, build_date, month_number
from .words import more_words_than

_CAP_WORD = r"[A-ZÀ-Þ][\w'’.&-]*"
_NAME_CONNECTORS = frozenset("and & with in for at of the de van von der al bin".split())

_BY_LINE = re.compile(r"^\s*(?:by|written by|words by)\s+(?P<rest>.+?)\s*$", re.IGNORECASE)
_ROLE_BYLINE = re.compile(
    r"^\s*\(?\s*(?:additional |further |with additional )?"
    r"(?:reporting|writing|editing|compiled|reported|written|edited|produced|research|graphics|photos?)"
    r"(?:\s+(?:and|&)\s+\w+)*\s+by\b",
    re.IGNORECASE,
)
_TRAILING_ROLE_BYLINE = re.compile(
    r"\s*\((?:additional |further )?(?:reporting|writing|editing)\b[^()]*\)\s*$", re.IGNORECASE
)


def byline_author(text: str) -> str | None:
    """The name in a "By Jane Doe" line, or None if the line is not a byline.

    A byline is short and made of capitalised name words (and connectors
    like "and", "in"), possibly followed by a comma and a job title: "By
    Thursday, the army had left." is not one.
    """
    m = _BY_LINE.match(text)
    if not m or len(text.split()) > 14:
        return None
    rest = m["rest"]
    name_part = re.split(r"\s*[,|•·–—]\s*|\s+-\s+", rest, maxsplit=1)[0]
    words = name_part.split()
    if not words or len(words) > 7 or not re.match(_CAP_WORD, words[0]):
        return None
    if not all(re.fullmatch(_CAP_WORD, w) or w.lower() in _NAME_CONNECTORS for w in words):
        return None
    if rest.endswith(".") and not re.search(r"\b[A-Z]\.$", rest):
        return None
    return re.split(r"\s+(?:in|for|at)\s+", name_part, maxsplit=1)[0]


# Lower-case words a wire credit line is made of besides names and places.
_CREDIT_WORDS = frozenset(
    "by and in with from for the of reporting editing writing additional further compiled reported"
    " written edited produced research graphics photo photos de van von der al bin".split()
)


def is_byline(text: str) -> bool:
    """A "By ..." line, or a "Reporting by ... / Editing by ..." credit line.

    A credit line is names, places and credit words only: "Reporting by the
    New York Times revealed ..." is a sentence of the story, not a credit.
    """
    if byline_author(text) is not None:
        return True
    if _ROLE_BYLINE.match(text) is None or len(text.split()) > 40:
        return False
    words = re.findall(r"[^\W\d_][\w'’.-]*", text)
    return all(w[0].isupper() or w.lower() in _CREDIT_WORDS for w in words)


_CREDIT_LINE = re.compile(
    r"^\s*\(?(?:photo(?:graph)?s?|image|picture|video|credit|illustration)(?:\s+credits?)?\s*:\s*.{0,120}$",
    re.IGNORECASE,
)
_AGENCY_CREDIT_LINE = re.compile(
    r"^\(?[^.!?]{0,60}\b(?:Getty Images|Shutterstock|AP Photo|AFP Photo|Reuters Photo|EPA-EFE)\)?\s*$"
)


def is_credit_line(text: str) -> bool:
    """A line that is nothing but a photo or agency credit."""
    if not more_words_than(text, 15) and _CREDIT_LINE.match(text):
        return True
    return not more_words_than(text, 6) and _AGENCY_CREDIT_LINE.match(text) is not None


# Credits inside a paragraph (usually a photo caption), cut out as spans.
CREDIT_SPANS: tuple[re.Pattern[str], ...] = (
    # "(Photo: AFP)", "(AP Photo/Jane Doe)", "(File photo: Reuters)"
    re.compile(r"\s*\((?:[^()]{0,40}?\s)?(?:[Pp]hoto(?:graph)?s?|[Ii]mage|[Pp]icture|[Cc]redit)\s*[:/][^()]{0,80}\)"),
    # "(Getty Images)", "(Jane Doe/AFP via Getty Images)"
    re.compile(r"\s*\([^()]{0,60}Getty Images[^()]{0,20}\)"),
    # caption tail "... May 30, 2019. /Reuters Photo"
    re.compile(rf"\s*/\s*{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,3}}\s+(?:Photos?|Images?|Pictures?)\s*$"),
    # caption tail "... in Kyiv. Jane Doe/AFP via Getty Images"
    re.compile(rf"(?<=[.!?”\"’])\s+(?:{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,3}}\s*/\s*)?(?:AFP\s+via\s+)?Getty Images\s*$"),
    # caption tail "... in Kyiv. Photo: Jane Doe", "... venue. Credit: Jane Doe / Agency Pictures"
    re.compile(r"(?<=[.!?”\"’])\s+(?:Photo(?:graph)?|Image|Picture|Credit)s?\s*:\s*[^.]{1,80}$"),
    # "(Jane Doe/Agency Photo)", "(Jane Doe / Wire Pictures)"
    re.compile(r"\s*\([^()/]{1,60}/[^()]{0,40}(?:Photos?|Pictures?|Images?)\)"),
    # wire trailer "(Reporting by Jane Doe; Editing by John Roe)"
    _TRAILING_ROLE_BYLINE,
)


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` (one paragraph) that are credits, to be cut out."""
    spans = []
    for pattern in CREDIT_SPANS:
        spans.extend(m.span() for m in pattern.finditer(text) if m.end() > m.start())
    return spans


_DASH = r"(?:--|[–—-])"
_CAPS_PLACE = r"[A-Z][A-Z'’.-]{2,}(?:\s+[A-Z][A-Z'’.-]+)*"
_TITLE_WORDS = rf"{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,3}}"
_SHORT_DATE = rf"(?P<sm>{MONTH_PATTERN})\s+(?P<sd>\d{{1,2}})(?:\s*,\s*(?P<sy>\d{{4}}))?"
_LONG_DATE = (
    rf"(?:(?P<lm>{MONTH_PATTERN})\s+(?P<ld>\d{{1,2}}),?\s+(?P<ly>\d{{4}})"
    rf"|(?P<ld2>\d{{1,2}})\s+(?P<lm2>{MONTH_PATTERN})\s+(?P<ly2>\d{{4}}))"
)
_AGENCY = r"\((?P<agency>[A-Z][\w&.' -]{0,30})\)"

DATELINES: tuple[re.Pattern[str], ...] = (
    # "QAMISHLI, Syria (North Press) –", "Kyiv, June 3 (Reuters) -"
    re.compile(
        rf"^(?:{_CAPS_PLACE}|{_TITLE_WORDS})(?:,\s*{_TITLE_WORDS}){{0,2}}(?:,\s*{_SHORT_DATE})?\s*{_AGENCY}\s*{_DASH}(?:\s+|$)"
    ),
    # "WASHINGTON —", "LONDON, June 3 -", "NEW DELHI:" (capitals, no agency)
    re.compile(rf"^{_CAPS_PLACE}(?:,\s*{_TITLE_WORDS})?(?:,\s*{_SHORT_DATE})?\s*(?:{_DASH}|:)(?:\s+|$)"),
    # "June 21, 2024 (ADDIS ABABA) –"
    re.compile(rf"^{_LONG_DATE}\s*\((?P<place>[A-Z][^()]{{1,40}})\)\s*{_DASH}(?:\s+|$)"),
    # "(CNN) —"
    re.compile(rf"^{_AGENCY}\s*{_DASH}(?:\s+|$)"),
)


def dateline(text: str, default_zone: str = "UTC") -> tuple[int, date | None] | None:
    """If ``text`` opens with a dateline: where the story starts, and the
    date the dateline gives (when it has a year). None otherwise."""
    for pattern in DATELINES:
        m = pattern.match(text)
        if not m:
            continue
        groups = m.groupdict()
        month_name = groups.get("lm") or groups.get("lm2") or groups.get("sm")
        year = groups.get("ly") or groups.get("ly2") or groups.get("sy")
        day = groups.get("ld") or groups.get("ld2") or groups.get("sd")
        when = None
        if month_name and year and day:
            month = month_number(month_name)
            if month is not None:
                when = build_date(int(year), month, int(day))  # a date: a dateline gives no time
        return m.end(), when
    return None

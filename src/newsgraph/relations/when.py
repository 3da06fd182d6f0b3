"""When an event happened, as the text states it, resolved against the publication date.

``stated_time(tokens, event, published)`` looks for a time phrase attached to
the event word's clause ("on Tuesday", "Tuesday", "last week", "in August",
"on 3 March", "March 3, 2024", "yesterday", "this morning", "in 2016", "last
year", "overnight") and turns it into a date with its precision:

- ``day``: a date (``xsd:date``); ``month``: the month (``xsd:gYearMonth``,
  the value is the month's first day); ``year``: the year (``xsd:gYear``).
  A time of day is never invented.
- A span ("last week", "last weekend", "overnight") is given at the finest
  precision that holds all of it: "last week" is a month when the whole week
  lies in one month, a year when it straddles two months, nothing when it
  straddles two years.

Direction comes from the words ("yesterday", "last", "next", "tomorrow") or
else from the clause's tense: a past tense resolves "Tuesday" to the most
recent Tuesday before publication and "August" to the last August up to
publication; a future ("will meet", "to meet", or ``future=True`` from the
caller) to the next one. A present tense gives no direction, so "meets on
Tuesday" stays undated. "On Tuesday" in a text published on a Tuesday is
today or a week ago, so it gives nothing; "May" as a modal is no month.

The phrase must hang off the event word or a word the event word hangs from
inside its own clause (the light verb of "held talks", the verb an event
noun is the subject or object of): "said on Tuesday that X attacked Y" dates
the saying, not the attack. Every word of the phrase must be a time word, so
"on Tuesday's agenda" or "in the August heat" give nothing.

A pure function of plain ``Token`` records: no spaCy, no document.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import NamedTuple

from ..types import Token

DAY, MONTH, YEAR = "day", "month", "year"

WEEKDAYS = {name: n for n, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
MONTHS = {name: n for n, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({name[:3]: n for name, n in list(MONTHS.items())})
MONTHS.update({"sept": 9, "jan.": 1, "feb.": 2, "aug.": 8, "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12})

# Words a time phrase may consist of, beside weekdays, months and numbers.
PREPOSITIONS = frozenset({"on", "in", "during", "at", "of", "the", ","})
PAST_WORDS = frozenset({"last", "past", "previous"})
NEXT_WORDS = frozenset({"next", "coming"})
THIS_WORDS = frozenset({"this", "earlier", "later", "early", "late", "mid"})
PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
UNITS = frozenset({"week", "weekend", "month", "year"})
SINGLE = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
SPANS = {"overnight": (-1, 0)}  # the night that ends on the publication day
TIME_WORDS = PREPOSITIONS | PAST_WORDS | NEXT_WORDS | THIS_WORDS | PARTS_OF_DAY | UNITS | set(SINGLE) | set(SPANS)
# Prepositions that place an event at a time; "since", "by", "until", "before" do not.
AT_TIME = frozenset({"on", "in", "during", "at"})

# Dependencies a time phrase hangs from its head by.
TIME_DEPS = frozenset({"npadvmod", "tmod", "advmod", "obl:tmod", "nmod:tmod", "obl"})
# Dependencies that leave a clause: the word above is another statement's.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "csubjpass",
                         "ROOT", "root", "appos", "list", "dep"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "’ll"})
PAST_TAGS = frozenset({"VBD", "VBN"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
MAX_PHRASE = 7  # tokens; anything longer is no time expression
ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
YEAR_RE = re.compile(r"^(1[89]\d\d|2[01]\d\d)$")


class StatedTime(NamedTuple):
    """A stated time: ``value`` is the date (the first day of a month or year) at ``precision``."""

    value: date
    precision: str  # "day" | "month" | "year"

    def lexical(self) -> str:
        """The XSD lexical form: 2024-11-13 (xsd:date), 2024-11 (xsd:gYearMonth), 2024 (xsd:gYear)."""
        if self.precision == YEAR:
            return f"{self.value.year:04d}"
        if self.precision == MONTH:
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()


def publication_day(published: date | datetime | None) -> date | None:
    """The calendar day of a publication time, in its own zone (a date stays itself)."""
    if published is None:
        return None
    return published.date() if isinstance(published, datetime) else published


def stated_time(tokens: Sequence[Token], event: int, published: date | datetime | None,
                *, future: bool = False) -> StatedTime | None:
    """The time the sentence states for the event word ``tokens[event]``, or None.

    ``future``: the caller knows the event is announced, not done ("will meet").
    """
    day = publication_day(published)
    if day is None or not 0 <= event < len(tokens):
        return None
    children: list[list[int]] = [[] for _ in tokens]
    for t in tokens:
        if t.head != t.i and 0 <= t.head < len(tokens):
            children[t.head].append(t.i)
    path = _clause_path(tokens, event)
    for n, anchor in enumerate(path):
        direction = _direction(tokens, children, path[n:], future)
        for c in children[anchor]:
            phrase = _phrase(tokens, children, c)
            if phrase is None:
                continue
            found = _resolve(tokens, phrase, day, direction)
            if found is not None:
                return found
    return None


# ------------------------------------------------------------------ where


def _clause_path(tokens: Sequence[Token], event: int) -> list[int]:
    """The event word and the words above it up to the head of its clause."""
    path = [event]
    i = event
    while tokens[i].dep not in CLAUSE_DEPS and tokens[i].head != i and len(path) < 8:
        if tokens[i].pos in {"VERB", "AUX"} and tokens[i].dep != "xcomp":
            break  # a verb heads its own clause (except "agreed to meet", one statement)
        i = tokens[i].head
        path.append(i)
    return path


def _subtree(children: list[list[int]], i: int) -> list[int]:
    out, todo = [], [i]
    while todo:
        k = todo.pop()
        out.append(k)
        todo.extend(children[k])
    return sorted(out)


def _phrase(tokens: Sequence[Token], children: list[list[int]], c: int) -> list[int] | None:
    """The tokens of a time phrase hanging from its head by ``c``, without the preposition."""
    t = tokens[c]
    if t.dep == "prep":
        if t.text.casefold() not in AT_TIME:
            return None
        objects = [k for k in children[c] if tokens[k].dep in {"pobj", "obj"}]
        if len(objects) != 1:
            return None
        words = _subtree(children, objects[0])
    elif t.dep in TIME_DEPS:
        words = _subtree(children, c)
    elif t.dep == "amod" and t.text.casefold() in SPANS and tokens[t.head].pos == "NOUN":
        words = [c]  # "overnight attacks"
    else:
        return None
    if not words or len(words) > MAX_PHRASE or words != list(range(words[0], words[-1] + 1)):
        return None
    return words


# ------------------------------------------------------------------ which way


def _direction(tokens: Sequence[Token], children: list[list[int]], path: list[int], future: bool) -> int:
    """-1 past, +1 future, 0 unknown: the tense of the first verb at or above the phrase's anchor
    (a noun inherits it from its light verb: "will hold talks on Tuesday"; alone it reports a past act)."""
    verb = next((k for k in path if tokens[k].pos in {"VERB", "AUX"}), None)
    if verb is None:
        return -1 if tokens[path[0]].pos in {"NOUN", "PROPN"} else (1 if future else 0)
    aux = [tokens[k] for k in children[verb] if tokens[k].dep in {"aux", "auxpass"}]
    if any(a.text.casefold() in FUTURE_AUX for a in aux):
        return 1
    if any(a.text.casefold() == "to" for a in aux):
        return 1  # "agreed to meet on Tuesday", the headline "EU to widen sanctions"
    if any(a.tag in PAST_TAGS or a.text.casefold() in {"was", "were", "had", "did"} for a in aux):
        return -1
    tag = tokens[verb].tag
    if tag == "VBD" or (tag == "VBN" and (not aux or any(a.lemma == "have" for a in aux))):
        return -1  # "met", "has met"
    return 1 if future else 0  # a present gives no direction ("meets on Tuesday")


# ------------------------------------------------------------------ what


def _span(start: date, end: date) -> StatedTime | None:
    """A stretch of days at the finest precision that holds all of it."""
    if start == end:
        return StatedTime(start, DAY)
    if (start.year, start.month) == (end.year, end.month):
        return StatedTime(start.replace(day=1), MONTH)
    if start.year == end.year:
        return StatedTime(date(start.year, 1, 1), YEAR)
    return None


def _month_shift(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def _resolve(tokens: Sequence[Token], phrase: list[int], pub: date, direction: int) -> StatedTime | None:
    words = [tokens[k].text.casefold().replace("’", "'") for k in phrase]
    weekday = month = number = year = None
    modifier = 0  # -1 "last", +1 "next", 2 "this"
    units: list[str] = []
    for k, w in zip(phrase, words):
        tok = tokens[k]
        if w in WEEKDAYS:
            weekday = WEEKDAYS[w]
        elif w in MONTHS and _is_month(tok):
            month = MONTHS[w]
        elif YEAR_RE.match(w) and tok.pos in {"NUM", "PROPN", "NOUN", "X"}:
            year = int(w)
        elif (m := ORDINAL.match(w)) and tok.pos in {"NUM", "ADJ", "NOUN", "PROPN", "X"}:
            number = int(m.group(1))
        elif w in PAST_WORDS:
            modifier = -1
        elif w in NEXT_WORDS:
            modifier = 1
        elif w in THIS_WORDS:
            modifier = modifier or 2
        elif w in UNITS:
            units.append(w)
        elif w in SINGLE or w in SPANS or w in PREPOSITIONS or w in PARTS_OF_DAY:
            continue
        else:
            return None  # a word that says something else: "Tuesday's agenda", "the August heat"
    singles = [w for w in words if w in SINGLE]
    spans = [w for w in words if w in SPANS]
    parts = [w for w in words if w in PARTS_OF_DAY]
    kinds = sum(x is not None for x in (weekday, month)) + bool(singles) + bool(spans) + bool(units)
    if kinds > 1 or len(units) > 1:
        return None
    if singles:
        shift = SINGLE[singles[0]]
        return StatedTime(pub + timedelta(days=shift), DAY)
    if spans:
        a, b = SPANS[spans[0]]
        return _span(pub + timedelta(days=a), pub + timedelta(days=b))
    if weekday is not None:
        return _weekday(pub, weekday, modifier, direction)
    if month is not None:
        return _month(pub, month, number, year, direction)
    if units:
        return _unit(pub, units[0], modifier)
    if parts:
        if modifier == 2:
            return StatedTime(pub, DAY)  # "this morning"
        if modifier == -1 and parts == ["night"]:
            return StatedTime(pub - timedelta(days=1), DAY)  # "last night"
        return None
    if year is not None and number is None and modifier == 0:
        return StatedTime(date(year, 1, 1), YEAR)
    return None


def _is_month(tok: Token) -> bool:
    """A month name used as a month: not the modal "may", not the verb "march"."""
    return tok.pos in {"PROPN", "NOUN", "NUM"} and tok.tag != "MD" and tok.text[:1].isupper()


def _weekday(pub: date, weekday: int, modifier: int, direction: int) -> StatedTime | None:
    back = (pub.weekday() - weekday) % 7
    ahead = (weekday - pub.weekday()) % 7
    if modifier == -1:
        return StatedTime(pub - timedelta(days=back or 7), DAY)
    if modifier == 1:
        return StatedTime(pub + timedelta(days=ahead or 7), DAY)
    if back == 0 or direction == 0:
        return None  # "on Tuesday" published on a Tuesday: today or a week ago
    if direction < 0:
        return StatedTime(pub - timedelta(days=back), DAY)
    return StatedTime(pub + timedelta(days=ahead), DAY)


def _month(pub: date, month: int, number: int | None, year: int | None, direction: int) -> StatedTime | None:
    if year is not None:
        if number is None:
            return StatedTime(date(year, month, 1), MONTH)
        return _day(year, month, number)
    if number is None:
        if month == pub.month:
            return StatedTime(date(pub.year, month, 1), MONTH)
        if direction == 0:
            return None
        if direction < 0:
            return StatedTime(date(pub.year - (month > pub.month), month, 1), MONTH)
        return StatedTime(date(pub.year + (month < pub.month), month, 1), MONTH)
    this_year = _day(pub.year, month, number)
    if this_year is None:
        return None
    if this_year.value == pub:
        return this_year
    if direction == 0:
        return None
    if direction < 0:
        return this_year if this_year.value < pub else _day(pub.year - 1, month, number)
    return this_year if this_year.value > pub else _day(pub.year + 1, month, number)


def _day(year: int, month: int, day: int) -> StatedTime | None:
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return StatedTime(date(year, month, day), DAY)


def _unit(pub: date, unit: str, modifier: int) -> StatedTime | None:
    if modifier == 0:
        return None  # "in a week", "a year": a duration, not a time
    step = {2: 0, -1: -1, 1: 1}[modifier]
    if unit == "year":
        return StatedTime(date(pub.year + step, 1, 1), YEAR)
    if unit == "month":
        return StatedTime(_month_shift(pub, step), MONTH)
    monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
    if unit == "week":
        return _span(monday, monday + timedelta(days=6))
    if modifier == 2 and pub.weekday() < 5:
        return None  # "this weekend" on a weekday: the one past or the one to come
    saturday = monday + timedelta(days=5)
    return _span(saturday, saturday + timedelta(days=1))

"""The years a post was held, when the text gives them next to it.

News gives a tenure as a phrase of years right after the post, or after the
name of its holder:

    [post | holder] from Y to|until|till|through|- Y     "prime minister from 2014 to 2019"
    [post | holder] between Y and Y                     "president between 2009 and 2014"
    [post | holder] since [month] Y                     "president since 2019"
    [post | holder] until|till [month] Y                "chair until March 2021"
    [post | holder] ( Y - Y )  or  ( Y-Y )               "former president Ada Okafor (2009-2014)"

Y is a four-digit year. Only years are read (a month is passed over), so a
bound is a year. Anything else ("in 2019", "for five years", a year far
from the post) gives nothing: the rules never guess a tenure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .context import SentenceView

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_YEAR_RANGE = re.compile(r"^(1[89]\d\d|20\d\d)[-–—](1[89]\d\d|20\d\d)$")
_DASHES = frozenset({"-", "–", "—"})
_RANGE_ENDS = frozenset({"to", "until", "till", "through"}) | _DASHES
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                     "sept", "oct", "nov", "dec"})


@dataclass(frozen=True)
class Tenure:
    began: int | None = None
    ended: int | None = None


def _year(view: SentenceView, i: int) -> int | None:
    if 0 <= i < len(view.tokens) and _YEAR.match(view.tokens[i].text):
        return int(view.tokens[i].text)
    return None


def _dated_year(view: SentenceView, i: int) -> tuple[int | None, int]:
    """A year at ``i``, maybe after a month name: (year, index after it)."""
    if i < len(view.tokens) and view.low(i) in _MONTHS:
        i += 1
    return _year(view, i), i + 1


def _range(view: SentenceView, i: int) -> tuple[int | None, int | None, int]:
    """"Y to Y", "Y-Y" (one token or three) at ``i``: (first, last, index after)."""
    n = len(view.tokens)
    if i < n:
        m = _YEAR_RANGE.match(view.tokens[i].text)
        if m:
            return int(m.group(1)), int(m.group(2)), i + 1
    first = _year(view, i)
    if first is not None and i + 1 < n and view.low(i + 1) in _RANGE_ENDS:
        return first, _year(view, i + 2), i + 3
    return None, None, i


def tenure_at(view: SentenceView, i: int) -> Tenure | None:
    """The tenure phrase starting at token ``i``, if there is one."""
    n = len(view.tokens)
    if i >= n:
        return None
    word = view.low(i)
    began = ended = None
    if word == "from":
        began, ended, _ = _range(view, i + 1)
        if ended is None:
            return None  # "from 2019" alone is where a quotation or a figure comes from as often as a tenure
    elif word == "between" and _year(view, i + 1) is not None and i + 2 < n and view.low(i + 2) == "and":
        began, ended = _year(view, i + 1), _year(view, i + 3)
    elif word == "since":
        began = _dated_year(view, i + 1)[0]
    elif word in {"until", "till"}:
        ended = _dated_year(view, i + 1)[0]
    elif word == "(":
        began, ended, after = _range(view, i + 1)
        if began is None or after >= n or view.low(after) != ")":
            return None
    if began is None and ended is None:
        return None
    if began is not None and ended is not None and began > ended:
        return None
    return Tenure(began, ended)

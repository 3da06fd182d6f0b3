"""Pairing quotation marks in text (no model): which stretches are quoted words at all.

Curly double quotes pair by shape, straight ones by where they stand (an
opening one before a word, a closing one after), single curly quotes only
where they cannot be apostrophes; a paragraph closes whatever it opened.
"""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.relations.quotes import quote_marks


def quoted(text: str) -> list[str]:
    return [text[m.open + 1:m.close] for m in quote_marks(text)]


@pytest.mark.parametrize("text, words", [
    ("“We will stay,” she said.", ["We will stay,"]),
    ('"We will stay," she said.', ["We will stay,"]),
    ("“We will continue,” she said, “to help.”", ["We will continue,", "to help."]),
    ("He called it ‘a disgrace’, aides said.", ["a disgrace"]),
    ("« Nous restons », a-t-il dit.", [" Nous restons "]),
])
def test_curly_straight_single_and_angle_quotes_pair(text, words):
    assert quoted(text) == words


def test_apostrophes_are_no_quotation_marks():
    assert quoted("Kyiv’s allies and the leaders’ summit didn’t meet.") == []
    assert quoted("The ‘peace plan’ and Ukraine’s reply") == ["peace plan"]


def test_single_quotes_inside_double_ones_are_part_of_the_words():
    assert quoted("“He promised to end it ‘in one day’,” she said.") == ["He promised to end it ‘in one day’,"]


def test_a_straight_quote_closing_a_curly_one_still_closes_it():
    assert quoted('It called “on all sides to stop" and urged “restraint.”') == ["on all sides to stop", "restraint."]


def test_an_unclosed_quote_is_no_quotation_and_a_paragraph_closes_what_it_opened():
    assert quoted("“We will stay, she said.") == []
    assert quoted("“We will stay\n\nThe next paragraph.” Then more.") == []


def test_a_straight_double_quote_for_inches_opens_nothing():
    assert quoted('A 12" screen and a 15" one.') == []


def test_only_the_given_range_is_read():
    text = "“One.” “Two.”"
    (m,) = quote_marks(text, 7, len(text))
    assert text[m.open + 1:m.close] == "Two."


@given(st.text(alphabet="ab “”\"‘’\n.,", max_size=60))
def test_pairs_are_ordered_disjoint_and_open_before_they_close(text):
    marks = quote_marks(text)
    for m in marks:
        assert 0 <= m.open < m.close < len(text)
        assert text[m.open] in "“\"‘«" and text[m.close] in "”\"’»"
    for a, b in zip(marks, marks[1:]):
        assert a.close < b.open

"""The time resolver on hand-built parses: no model, invented sentences only.

Parses are written as in ``handparse``: ``TEXT[|LEMMA] POS[:TAG] DEP HEAD``
(HEAD from 1, 0 the root). Publication dates below: 2024-11-13 is a Wednesday.
"""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from handparse import _tokens
from newsgraph.relations.when import DAY, MONTH, YEAR, StatedTime, stated_time

WED = date(2024, 11, 13)
TUE = date(2024, 11, 12)


def when(table: str, word: str, published=WED, **kw) -> StatedTime | None:
    tokens = _tokens(table)
    event = next(t.i for t in tokens if t.text == word)
    return stated_time(tokens, event, published, **kw)


MET_ON_TUESDAY = """
    Alpha     PROPN    nsubj  2
    met|meet  VERB:VBD ROOT   0
    Beta      PROPN    dobj   2
    on        ADP      prep   2
    Tuesday   PROPN    pobj   4
"""


def test_a_weekday_in_the_past_is_the_last_such_day_before_publication():
    assert when(MET_ON_TUESDAY, "met") == StatedTime(TUE, DAY)
    assert when(MET_ON_TUESDAY, "met").lexical() == "2024-11-12"


def test_a_weekday_published_on_that_weekday_gives_nothing():
    assert when(MET_ON_TUESDAY, "met", published=TUE) is None


def test_a_publication_datetime_is_read_as_its_own_day():
    published = datetime(2024, 11, 13, 8, 30, tzinfo=timezone.utc)
    assert when(MET_ON_TUESDAY, "met", published=published) == StatedTime(TUE, DAY)


def test_no_publication_date_gives_nothing():
    assert when(MET_ON_TUESDAY, "met", published=None) is None


def test_a_bare_weekday_as_npadvmod():
    table = """
        Alpha     PROPN    nsubj    2
        attacked|attack VERB:VBD ROOT 0
        Beta      PROPN    dobj     2
        Monday    PROPN    npadvmod 2
    """
    assert when(table, "attacked") == StatedTime(date(2024, 11, 11), DAY)


def test_will_meet_on_a_weekday_is_the_next_one():
    table = """
        Alpha     PROPN    nsubj  3
        will      AUX:MD   aux    3
        meet      VERB:VB  ROOT   0
        Beta      PROPN    dobj   3
        on        ADP      prep   3
        Friday    PROPN    pobj   5
    """
    assert when(table, "meet") == StatedTime(date(2024, 11, 15), DAY)


def test_a_present_tense_gives_no_direction_for_a_weekday():
    table = """
        Alpha     PROPN    nsubj  2
        meets|meet VERB:VBZ ROOT  0
        Beta      PROPN    dobj   2
        on        ADP      prep   2
        Friday    PROPN    pobj   4
    """
    assert when(table, "meets") is None
    assert when(table, "meets", future=True) == StatedTime(date(2024, 11, 15), DAY)


def test_last_and_next_weekday_carry_their_own_direction():
    last = """
        Alpha     PROPN    nsubj  2
        met|meet  VERB:VBD ROOT   0
        Beta      PROPN    dobj   2
        last      ADJ      amod   5
        Wednesday PROPN    npadvmod 2
    """
    assert when(last, "met") == StatedTime(date(2024, 11, 6), DAY)
    nxt = """
        Alpha     PROPN    nsubj  2
        meets|meet VERB:VBZ ROOT  0
        Beta      PROPN    dobj   2
        next      ADJ      amod   5
        Monday    PROPN    npadvmod 2
    """
    assert when(nxt, "meets") == StatedTime(date(2024, 11, 18), DAY)


def test_a_time_phrase_of_another_clause_gives_nothing():
    table = """
        Alpha     PROPN    nsubj  2
        said|say  VERB:VBD ROOT   0
        on        ADP      prep   2
        Tuesday   PROPN    pobj   3
        that      SCONJ    mark   7
        Beta      PROPN    nsubj  7
        attacked|attack VERB:VBD ccomp 2
        Gamma     PROPN    dobj   7
    """
    assert when(table, "attacked") is None
    assert when(table, "said") == StatedTime(TUE, DAY)


def test_the_light_verb_of_an_event_noun_carries_the_time():
    table = """
        Alpha     PROPN    nsubj  2
        held|hold VERB:VBD ROOT   0
        talks|talk NOUN:NNS dobj  2
        with      ADP      prep   3
        Beta      PROPN    pobj   4
        yesterday NOUN     npadvmod 2
    """
    assert when(table, "talks") == StatedTime(TUE, DAY)


def test_an_event_noun_with_its_own_time():
    table = """
        the       DET      det    2
        attack    NOUN     nsubj  7
        on        ADP      prep   2
        Beta      PROPN    pobj   3
        on        ADP      prep   2
        Sunday    PROPN    pobj   5
        killed|kill VERB:VBD ROOT 0
        five      NUM      dobj   7
    """
    assert when(table, "attack") == StatedTime(date(2024, 11, 10), DAY)


def test_may_as_a_modal_is_no_month():
    table = """
        Alpha     PROPN    nsubj  3
        May|may   AUX:MD   aux    3
        strike    VERB:VB  ROOT   0
        Beta      PROPN    dobj   3
    """
    assert when(table, "strike") is None


def test_a_month_in_the_past_is_this_year_or_last():
    table = """
        Alpha     PROPN    nsubj  2
        invaded|invade VERB:VBD ROOT 0
        Beta      PROPN    dobj   2
        in        ADP      prep   2
        {month}   PROPN    pobj   4
    """
    assert when(table.format(month="August"), "invaded") == StatedTime(date(2024, 8, 1), MONTH)
    assert when(table.format(month="December"), "invaded") == StatedTime(date(2023, 12, 1), MONTH)
    assert when(table.format(month="November"), "invaded") == StatedTime(date(2024, 11, 1), MONTH)
    assert when(table.format(month="August"), "invaded").lexical() == "2024-08"


def test_a_month_in_the_future_is_the_next_one():
    table = """
        Alpha     PROPN    nsubj  3
        will      AUX:MD   aux    3
        visit     VERB:VB  ROOT   0
        Beta      PROPN    dobj   3
        in        ADP      prep   3
        March     PROPN    pobj   5
    """
    assert when(table, "visit") == StatedTime(date(2025, 3, 1), MONTH)


def test_a_day_of_a_month_in_both_orders():
    day_month = """
        Alpha     PROPN    nsubj  2
        signed|sign VERB:VBD ROOT 0
        Beta      PROPN    dobj   2
        on        ADP      prep   2
        3         NUM      nummod 6
        March     PROPN    pobj   4
    """
    assert when(day_month, "signed") == StatedTime(date(2024, 3, 3), DAY)
    month_day = """
        Alpha     PROPN    nsubj  2
        signed|sign VERB:VBD ROOT 0
        Beta      PROPN    dobj   2
        on        ADP      prep   2
        December  PROPN    pobj   4
        3rd       NUM      nummod 5
    """
    assert when(month_day, "signed") == StatedTime(date(2023, 12, 3), DAY)


def test_a_full_date_with_its_year():
    table = """
        Alpha     PROPN    nsubj  2
        signed|sign VERB:VBD ROOT 0
        Beta      PROPN    dobj   2
        on        ADP      prep   2
        March     PROPN    pobj   4
        3         NUM      nummod 5
        ,         PUNCT    punct  5
        2021      NUM      nummod 5
    """
    assert when(table, "signed") == StatedTime(date(2021, 3, 3), DAY)


def test_an_impossible_day_gives_nothing():
    table = """
        Alpha     PROPN    nsubj  2
        signed|sign VERB:VBD ROOT 0
        Beta      PROPN    dobj   2
        on        ADP      prep   2
        31        NUM      nummod 6
        February  PROPN    pobj   4
    """
    assert when(table, "signed") is None


def test_a_year():
    table = """
        Alpha     PROPN    nsubj  2
        annexed|annex VERB:VBD ROOT 0
        Beta      PROPN    dobj   2
        in        ADP      prep   2
        2014      NUM      pobj   4
    """
    assert when(table, "annexed") == StatedTime(date(2014, 1, 1), YEAR)
    assert when(table, "annexed").lexical() == "2014"


@pytest.mark.parametrize("words, expected", [
    ("last year", StatedTime(date(2023, 1, 1), YEAR)),
    ("this year", StatedTime(date(2024, 1, 1), YEAR)),
    ("last month", StatedTime(date(2024, 10, 1), MONTH)),
    ("earlier this month", StatedTime(date(2024, 11, 1), MONTH)),
    ("last week", StatedTime(date(2024, 11, 1), MONTH)),  # 4-10 November: one month
    ("this morning", StatedTime(WED, DAY)),
    ("last night", StatedTime(TUE, DAY)),
])
def test_relative_spans(words, expected):
    *mods, head = words.split()
    rows = ["Alpha PROPN nsubj 2", "struck|strike VERB:VBD ROOT 0", "Beta PROPN dobj 2"]
    head_at = 4 + len(mods)
    rows += [f"{m} ADJ amod {head_at}" for m in mods]
    rows.append(f"{head} NOUN npadvmod 2")
    assert when("\n".join(rows), "struck") == expected


def test_a_week_across_two_months_is_its_year_and_across_two_years_nothing():
    table = """
        Alpha     PROPN    nsubj  2
        struck|strike VERB:VBD ROOT 0
        Beta      PROPN    dobj   2
        last      ADJ      amod   5
        week      NOUN     npadvmod 2
    """
    assert when(table, "struck", published=date(2024, 11, 6)) == StatedTime(date(2024, 1, 1), YEAR)  # 28 Oct-3 Nov
    assert when(table, "struck", published=date(2025, 1, 8)) is None  # 30 Dec-5 Jan


@pytest.mark.parametrize("word, expected", [
    ("yesterday", StatedTime(TUE, DAY)),
    ("today", StatedTime(WED, DAY)),
    ("overnight", StatedTime(date(2024, 11, 1), MONTH)),  # 12-13 November
])
def test_single_words(word, expected):
    table = f"""
        Alpha     PROPN    nsubj  2
        struck|strike VERB:VBD ROOT 0
        Beta      PROPN    dobj   2
        {word}    ADV      advmod 2
    """
    assert when(table, "struck") == expected


def test_overnight_into_the_first_of_a_month_is_its_year():
    table = """
        Alpha     PROPN    nsubj  2
        struck|strike VERB:VBD ROOT 0
        overnight ADV      advmod 2
    """
    assert when(table, "struck", published=date(2024, 12, 1)) == StatedTime(date(2024, 1, 1), YEAR)


def test_a_phrase_with_other_words_is_no_time():
    table = """
        Alpha     PROPN    nsubj  2
        discussed|discuss VERB:VBD ROOT 0
        Beta      PROPN    dobj   2
        on        ADP      prep   2
        Tuesday   PROPN    poss   7
        's        PART     case   5
        agenda    NOUN     pobj   4
    """
    assert when(table, "discussed") is None


def test_since_and_by_do_not_place_an_event():
    table = """
        Alpha     PROPN    nsubj  2
        occupied|occupy VERB:VBD ROOT 0
        Beta      PROPN    dobj   2
        since     ADP      prep   2
        2014      NUM      pobj   4
    """
    assert when(table, "occupied") is None


def test_a_number_that_is_no_year_is_no_time():
    table = """
        Alpha     PROPN    nsubj  2
        fired|fire VERB:VBD ROOT  0
        in        ADP      prep   2
        5         NUM      pobj   3
    """
    assert when(table, "fired") is None


def test_a_duration_is_no_time():
    table = """
        Alpha     PROPN    nsubj  2
        withdrew|withdraw VERB:VBD ROOT 0
        in        ADP      prep   2
        a         DET      det    5
        week      NOUN     pobj   3
    """
    assert when(table, "withdrew") is None


def test_agreed_to_meet_dates_the_meeting_forward_and_the_agreement_back():
    table = """
        Alpha     PROPN    nsubj  2
        agreed|agree VERB:VBD ROOT 0
        to        PART     aux    4
        meet      VERB:VB  xcomp  2
        Beta      PROPN    dobj   4
        on        ADP      prep   4
        Friday    PROPN    pobj   6
    """
    assert when(table, "meet") == StatedTime(date(2024, 11, 15), DAY)
    back = """
        Alpha     PROPN    nsubj  2
        agreed|agree VERB:VBD ROOT 0
        on        ADP      prep   2
        Monday    PROPN    pobj   3
        to        PART     aux    6
        meet      VERB:VB  xcomp  2
        Beta      PROPN    dobj   6
    """
    assert when(back, "meet") == StatedTime(date(2024, 11, 11), DAY)
    assert when(back, "agreed") == StatedTime(date(2024, 11, 11), DAY)


def test_has_met_is_past():
    table = """
        Alpha     PROPN    nsubj  3
        has|have  AUX:VBZ  aux    3
        met|meet  VERB:VBN ROOT   0
        Beta      PROPN    dobj   3
        on        ADP      prep   3
        Monday    PROPN    pobj   5
    """
    assert when(table, "met") == StatedTime(date(2024, 11, 11), DAY)


def test_march_as_a_verb_is_no_month():
    table = """
        Alpha     PROPN    nsubj  2
        said|say  VERB:VBD ROOT   0
        they      PRON     nsubj  4
        march     VERB:VBP ccomp  2
        today     NOUN     npadvmod 4
    """
    assert when(table, "said") is None


def test_overnight_on_an_event_noun():
    table = """
        Russia    PROPN    nsubj  2
        launched|launch VERB:VBD ROOT 0
        overnight ADJ      amod   4
        attacks|attack NOUN:NNS dobj 2
    """
    assert when(table, "attacks") == StatedTime(date(2024, 11, 1), MONTH)
    assert when(table, "launched") is None  # the adjective dates the attacks, not a clause around them

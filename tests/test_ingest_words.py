"""Words of a paragraph counted and flattened without splitting it whole (ingest/words.py)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.ingest import words
from newsgraph.ingest.layout import analyse_layout

# every kind of whitespace str.split() knows, next to letters and punctuation
TEXT = st.text(alphabet=st.sampled_from(list("ab.é\"") + [" ", "\n", "\t", "\u00a0", "\u2003", "\u3000", "\x1c",
                                                         "\x85", "\r"]), max_size=80)


@settings(max_examples=400, deadline=None)
@given(TEXT, st.integers(min_value=0, max_value=10))
def test_more_words_than_counts_as_split_does(text, n):
    assert words.more_words_than(text, n) == (len(text.split()) > n)


@settings(max_examples=400, deadline=None)
@given(TEXT, st.integers(min_value=1, max_value=9))
def test_flat_by_pieces_is_join_of_split(text, piece):
    assert words.flat(text, piece) == " ".join(text.split())


def test_a_long_paragraph_reads_as_before():
    text = "Minister Ada Okafor met officials in Lagos on Monday.  " * 3_000  # 165,000 characters, one line
    assert len(text) > words.PIECE
    assert words.flat(text) == " ".join(text.split())
    layout = analyse_layout(text)
    assert [(s.start, s.end) for s in layout.segments] == [(0, len(text.rstrip()))]


def test_reading_a_one_line_text_holds_a_few_copies_of_it_not_its_words():
    import tracemalloc

    text = "Minister Ada Okafor met officials in Lagos on Monday to discuss the ceasefire. " * 13_000  # 1 MB
    tracemalloc.start()
    try:
        analyse_layout(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5 * len(text)  # split() whole: 13 times the text (a string and a list slot a word)

"""An appeal inside a paragraph costs its own sentences, never the news around it."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.ingest import read_inputs
from newsgraph.ingest.layout import analyse_layout

DEV_LIVE_BLOG = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev" / "independent-ukraine-live-2024-11-13.txt"


def kept(text: str) -> list[str]:
    return [text[s.start : s.end] for s in analyse_layout(text).segments]


def test_the_news_sentences_around_an_appeal_are_kept():
    text = ("Germany and France signed a treaty in Berlin on Monday. Your support helps us keep our journalism free."
            " Poland joined the talks later.")
    assert kept(text) == ["Germany and France signed a treaty in Berlin on Monday.", "Poland joined the talks later."]


def test_a_paragraph_that_is_all_appeal_is_still_dropped_whole():
    text = ("Kenya and Uganda met in Nairobi.\n\nWe rely on readers like you. Your support keeps our reporters in the"
            " field. Donate today to help us.\n\nUganda signed the deal.")
    assert kept(text) == ["Kenya and Uganda met in Nairobi.", "Uganda signed the deal."]


def test_publisher_voice_next_to_the_appeal_sentence_goes_with_it():
    text = ("Chile and Peru met in Lima on Friday. At such a moment we need reporters on the ground."
            " Your donation allows us to keep sending journalists. Peru said the talks went well.")
    assert kept(text) == ["Chile and Peru met in Lima on Friday.", "Peru said the talks went well."]


def test_the_dev_live_blog_on_one_line_keeps_its_news():
    if not DEV_LIVE_BLOG.is_file():
        pytest.skip(f"{DEV_LIVE_BLOG} not found: the dev corpus lives in ../shared beside the checkout")
    one_line = " ".join(DEV_LIVE_BLOG.read_text(encoding="utf-8").split())
    layout = analyse_layout(one_line)
    kept_chars = sum(s.end - s.start for s in layout.segments)
    assert kept_chars > 0.8 * len(one_line)
    text = " ".join(one_line[s.start : s.end] for s in layout.segments)
    assert "Your donation" not in text and "Blinken" in text


@pytest.mark.slow
def test_a_one_line_live_blog_builds_entities(tmp_path):
    if not DEV_LIVE_BLOG.is_file():
        pytest.skip(f"{DEV_LIVE_BLOG} not found")
    from newsgraph.pipeline import build

    source = tmp_path / "one-line.txt"
    source.write_text(" ".join(DEV_LIVE_BLOG.read_text(encoding="utf-8").split()), encoding="utf-8")
    report = build([str(source)], tmp_path / "out", write_html=False)
    assert report.entities >= 20, report.summary()


def test_a_news_sentence_using_an_appeal_word_far_from_any_appeal_is_kept():
    text = ("Germany will contribute 500 troops to the mission, Berlin said on Monday. Poland agreed."
            " France and Italy met in Rome. Spain joined later. We rely on readers like you."
            " Please make a contribution today.")
    assert kept(text) == ["Germany will contribute 500 troops to the mission, Berlin said on Monday. Poland agreed."
                          " France and Italy met in Rome. Spain joined later."]


def test_the_sample_and_corpora_segment_as_before_the_sentence_rule(repo):
    # Appeals there are whole paragraphs or runs of them: the sentence rule must change nothing.
    docs = list(read_inputs([str(repo / "examples"), str(repo / "tests" / "data" / "annotated")]))
    text = "\n".join(d.text[s.start : s.end] for d in docs for s in d.segments)
    assert "The Daily Ledger keeps its reporters" not in text
    assert "Please make a contribution today." not in text

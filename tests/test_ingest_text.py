"""Plain-text reading: live blogs split into posts, articles into segments,
with bylines, sign-offs, credits, datelines and boilerplate left out."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import UnreadableInputError
from newsgraph.ingest import read_text_document
from newsgraph.types import Document

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
LIVE_BLOG = DEV / "independent-ukraine-live-2024-11-13.txt"

# Independent of the code under test: "Name13 November 2024 10:24" lines.
SIGNOFF_LINE = re.compile(r"^[^\d\n]+?\s?\d{1,2} [A-Z][a-z]+ \d{4} \d{1,2}:\d{2}$", re.MULTILINE)


def dev_file(name: str) -> Path:
    path = DEV / name
    if not path.exists():
        pytest.skip(f"dev corpus not found at {DEV} (expected ../shared beside the repo)")
    return path


def read(path: Path, timezone: str = "UTC") -> Document:
    return read_text_document(path.read_bytes(), path.name, timezone=timezone)


def segment_texts(doc: Document) -> list[str]:
    return [doc.text[s.start : s.end] for s in doc.segments]


def assert_offsets_consistent(doc: Document) -> None:
    previous_end = 0
    for seg in doc.segments:
        assert 0 <= seg.start < seg.end <= len(doc.text)
        assert seg.start >= previous_end, "segments overlap or are out of order"
        previous_end = seg.end
        piece = doc.text[seg.start : seg.end]
        assert piece == piece.strip()
    for post in doc.posts:
        assert 0 <= post.start < post.end <= len(doc.text)
        for seg in doc.segments:
            if seg.post == post.index:
                assert post.start <= seg.start and seg.end <= post.end


def spans_of_lines(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def overlaps(doc: Document, span: tuple[int, int]) -> bool:
    return any(s.start < span[1] and span[0] < s.end for s in doc.segments)


# ------------------------------------------------------------- live blog


@pytest.fixture(scope="module")
def live_blog() -> Document:
    return read(dev_file(LIVE_BLOG.name))


def test_live_blog_has_one_signed_post_per_signoff_line(live_blog: Document) -> None:
    signoffs = SIGNOFF_LINE.findall(live_blog.text)
    assert len(signoffs) >= 2
    signed = [p for p in live_blog.posts if p.author is not None]
    assert len(signed) == len(signoffs)
    # Only the very last post may lack a sign-off (its sign-off was not copied).
    unsigned = [p for p in live_blog.posts if p.author is None]
    assert len(unsigned) <= 1
    if unsigned:
        assert unsigned[0] is live_blog.posts[-1]
    assert [p.index for p in live_blog.posts] == list(range(1, len(live_blog.posts) + 1))
    assert live_blog.is_live_blog


def test_live_blog_posts_carry_author_and_aware_time_from_their_signoff(live_blog: Document) -> None:
    signoffs = SIGNOFF_LINE.findall(live_blog.text)
    signed = [p for p in live_blog.posts if p.author is not None]
    for post, line in zip(signed, signoffs):
        assert line.startswith(post.author)
        assert post.published is not None and post.published.utcoffset() is not None
        assert post.published.strftime("%H:%M") == line[-5:]
    assert live_blog.published == max(p.published for p in signed)


def test_live_blog_times_are_read_in_the_given_zone() -> None:
    path = dev_file(LIVE_BLOG.name)
    in_utc = read(path, "UTC").posts[0].published
    in_kyiv = read(path, "Europe/Kyiv").posts[0].published
    assert in_utc.replace(tzinfo=None) == in_kyiv.replace(tzinfo=None)
    assert in_utc - in_kyiv == in_kyiv.utcoffset() - timedelta(0)


def test_live_blog_signoffs_are_in_no_segment(live_blog: Document) -> None:
    for span in spans_of_lines(live_blog.text, SIGNOFF_LINE):
        assert not overlaps(live_blog, span)


def test_live_blog_drops_donation_appeal_and_comment_footer(live_blog: Document) -> None:
    first_line_end = live_blog.text.index("\n")
    assert not overlaps(live_blog, (0, first_line_end)), "the appeal opens the file"
    for piece in segment_texts(live_blog):
        assert not re.search(r"donation|paywall|your support|commenting forum|\breaders\b", piece, re.I)


def test_live_blog_headlines_are_own_segments_and_match_posts(live_blog: Document) -> None:
    assert_offsets_consistent(live_blog)
    for post in live_blog.posts:
        heads = [s for s in live_blog.segments if s.post == post.index and s.kind == "headline"]
        assert heads, f"post {post.index} has no headline segment"
        assert post.headline == " ".join(live_blog.text[heads[0].start : heads[0].end].split())
        assert heads[0].start == post.start or live_blog.text[post.start : heads[0].start].rstrip().endswith(":")


def test_live_blog_lead_before_first_post_belongs_to_no_post(live_blog: Document) -> None:
    lead = [s for s in live_blog.segments if s.post is None]
    assert lead and all(s.end <= live_blog.posts[0].start for s in lead)


# ------------------------------------------------------------- articles


@pytest.mark.parametrize("name", ["d01-iran-saudi-beijing-talks.txt", "d05-india-cabinet-portfolios.txt",
                                  "d06-wto-tariff-retaliation.txt"])
def test_article_bylines_and_photo_credits_are_in_no_segment(name: str) -> None:
    doc = read(dev_file(name))
    assert doc.posts == () and not doc.is_live_blog
    assert_offsets_consistent(doc)
    bylines = re.compile(r"^(?:By [A-Z]\w+(?: [A-Z]\w+)*|(?:Additional )?(?:Reporting|Editing) by .*)$", re.MULTILINE)
    credits = re.compile(r"/\s*\w+ Photo\s*$", re.MULTILINE)
    found = spans_of_lines(doc.text, bylines) + spans_of_lines(doc.text, credits)
    assert found, f"{name} should have a byline or a credit"
    for span in found:
        assert not overlaps(doc, span), doc.text[span[0] : span[1]]


def test_caption_is_kept_without_its_credit() -> None:
    doc = read(dev_file("d05-india-cabinet-portfolios.txt"))
    for m in re.finditer(r"^(.*?)\s*/\s*\w+ Photo\s*$", doc.text, re.MULTILINE):
        caption_start, caption_end = m.span(1)
        assert any(s.start == caption_start and s.end == caption_end for s in doc.segments)


def test_byline_gives_the_document_author() -> None:
    doc = read(dev_file("d06-wto-tariff-retaliation.txt"))
    byline = re.search(r"^By (.+)$", doc.text, re.MULTILINE)
    assert byline and doc.author == byline.group(1).strip()


@pytest.mark.parametrize("name", ["d01-iran-saudi-beijing-talks.txt", "d03-au-sudan-emergency-summit.txt"])
def test_dateline_is_cut_from_the_start_of_its_paragraph(name: str) -> None:
    doc = read(dev_file(name))
    m = re.search(r"^([^\n]{3,60}?\([^)\n]+\)\s*[–—-])\s+(\S)", doc.text, re.MULTILINE)
    assert m, "expected a dateline"
    story_start = m.start(2)
    assert any(s.start == story_start for s in doc.segments)
    assert not overlaps(doc, m.span(1))


def test_dateline_with_a_year_dates_the_article() -> None:
    doc = read(dev_file("d03-au-sudan-emergency-summit.txt"))
    # a dateline gives a day, not a time: the date stays a date (no invented midnight)
    assert doc.published == date(2024, 6, 21) and not isinstance(doc.published, datetime)


def test_agency_line_is_in_no_segment() -> None:
    doc = read(dev_file("d08-china-taiwan-drills.txt"))
    m = re.search(r"^[A-Z]{2,}\s*—\s*$", doc.text, re.MULTILINE)
    assert m and not overlaps(doc, m.span())


def test_first_short_line_is_the_title_and_short_lines_are_subheadings() -> None:
    doc = read(dev_file("d06-wto-tariff-retaliation.txt"))
    first_line = doc.text.split("\n", 1)[0]
    assert doc.title == first_line
    assert doc.segments[0].kind == "headline" and doc.text[: doc.segments[0].end] == first_line
    for m in re.finditer(r"^(?:\w+ ){1,4}\w+$", doc.text, re.MULTILINE):  # short lines, no punctuation
        if m.group().startswith("By "):
            continue
        seg = next(s for s in doc.segments if s.start == m.start())
        assert seg.kind == "headline"


def test_article_starting_with_a_sentence_has_no_title() -> None:
    doc = read(dev_file("d05-india-cabinet-portfolios.txt"))
    assert doc.title is None and all(s.kind == "body" for s in doc.segments)


# ------------------------------------------------------------- synthetic texts

ARTICLE = """Ministers agree new aid package
By Ana Ruiz and Tom Park

BRUSSELS (Agency) – The ministers agreed on Monday to send more aid.
Advertisement
Sign up to our free daily newsletter for the top stories
A charity said a donation of $5m would pay for new clinics.
Read more: Earlier talks ended without a deal
Share this article
The deal still needs approval (Photo: Jane Roe/AFP) from parliament.
We use cookies to improve your experience. Accept all cookies
"""


def test_general_boilerplate_rules_drop_page_furniture_but_keep_news() -> None:
    doc = read_text_document(ARTICLE.encode(), "article.txt")
    pieces = segment_texts(doc)
    assert pieces[0] == "Ministers agree new aid package" and doc.title == pieces[0]
    assert "The ministers agreed on Monday to send more aid." in pieces
    assert "A charity said a donation of $5m would pay for new clinics." in pieces
    assert "The deal still needs approval" in pieces and "from parliament." in pieces
    joined = " ".join(pieces)
    for furniture in ("Advertisement", "newsletter", "Read more", "Share", "cookies", "Ana Ruiz", "Photo", "BRUSSELS"):
        assert furniture not in joined
    assert doc.author == "Ana Ruiz and Tom Park"


SIGNOFF_FORMS = [
    ("Jane Doe13 November 2024 10:24", "Jane Doe", "2024-11-13T10:24:00+00:00"),
    ("Jane Doe 13 Nov 2024 10:24", "Jane Doe", "2024-11-13T10:24:00+00:00"),
    ("Jane Doe | November 13, 2024 10:24am BST", "Jane Doe", "2024-11-13T10:24:00+01:00"),
    ("Jane DoeNovember 13, 2024 3:05pm", "Jane Doe", "2024-11-13T15:05:00+00:00"),
    ("Jean de la Tour 13 November 2024 10:24 CET", "Jean de la Tour", "2024-11-13T10:24:00+01:00"),
]


@pytest.mark.parametrize(("line", "author", "iso"), SIGNOFF_FORMS)
def test_signoff_forms_give_author_and_time(line: str, author: str, iso: str) -> None:
    text = f"Talks open in Geneva\nDelegates arrived on Monday.\n{line}\nTalks close in Geneva\nDelegates left.\n{line}\n"
    doc = read_text_document(text.encode(), "blog.txt")
    assert doc.is_live_blog and len(doc.posts) == 2
    assert doc.posts[0].author == author
    assert doc.posts[0].published.isoformat() == iso
    assert doc.posts[0].headline == "Talks open in Geneva"
    assert line not in " ".join(segment_texts(doc))


def test_single_signoff_closes_an_ordinary_article() -> None:
    text = "Talks open in Geneva\nDelegates arrived on Monday.\nJane Doe13 November 2024 10:24\n"
    doc = read_text_document(text.encode(), "one.txt")
    assert not doc.is_live_blog and doc.posts == ()
    assert doc.author == "Jane Doe" and doc.published.hour == 10
    assert segment_texts(doc) == ["Talks open in Geneva", "Delegates arrived on Monday."]


def test_hard_wrapped_paragraphs_become_one_segment_each() -> None:
    para1 = ("The foreign ministers met in Vienna on Tuesday to discuss the\n"
             "reopening of embassies and the return of their ambassadors to\n"
             "each other's capitals after years of frosty relations.")
    para2 = ("Officials said a second round of talks would follow within a\n"
             "month, once both governments had approved the draft texts.")
    text = f"Ministers meet in Vienna\n\n{para1}\n\n{para2}\n"
    doc = read_text_document(text.encode(), "wrapped.txt")
    assert segment_texts(doc) == ["Ministers meet in Vienna", para1, para2]


def test_crlf_newlines_are_normalised_and_bom_removed() -> None:
    doc = read_text_document(b"\xef\xbb\xbfTitle line here\r\nBody sentence here.\r\n", "crlf.txt")
    assert doc.text == "Title line here\nBody sentence here.\n"
    assert segment_texts(doc) == ["Title line here", "Body sentence here."]


def test_markdown_heading_marks_are_not_in_the_headline() -> None:
    doc = read_text_document(b"# Leaders meet in Lima\n\nThe leaders met.\n", "note.md")
    assert doc.title == "Leaders meet in Lima" and doc.segments[0].kind == "headline"


def test_binary_bytes_raise_unreadable_input() -> None:
    with pytest.raises(UnreadableInputError, match=r"^skipped x\.txt: not a UTF-8 text file \(binary or undecodable\)$"):
        read_text_document(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "x.txt")


# ------------------------------------------------------------- properties

FRAGMENTS = [
    "Jane Doe13 November 2024 10:24", "By Jane Doe", "KYIV (Reuters) – Russia struck.", "CNN —",
    "Your support makes all the difference.", "Join our commenting forum", "Comments", "(Photo: AFP)",
    "Reporting by Jane Doe", "Short headline here", "/Reuters Photo", "# Heading", "June 21, 2024 (LIMA) –",
    "", " ", "\t", "“", "Sign up to our newsletter", "A sentence that ends.",
]
printable = st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\t\r")
lines = st.one_of(st.text(printable, max_size=80), st.sampled_from(FRAGMENTS))
texts = st.lists(lines, max_size=30).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_reads_with_segments_in_bounds_and_disjoint(text: str) -> None:
    doc = read_text_document(text.encode("utf-8"), "prop.txt")
    assert_offsets_consistent(doc)
    post_indexes = {p.index for p in doc.posts}
    assert all(s.post is None or s.post in post_indexes for s in doc.segments)
    for a, b in zip(doc.posts, doc.posts[1:]):
        assert a.end <= b.start


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_read_or_are_refused_as_unreadable(raw: bytes) -> None:
    try:
        doc = read_text_document(raw, "bytes.txt")
    except UnreadableInputError:
        return
    assert_offsets_consistent(doc)


NEWS_THAT_LOOKS_LIKE_BOILERPLATE = [
    "By Thursday, the army had pulled back from the town.",
    "Reporting by the New York Times revealed the talks had stalled.",
    "Comments by the minister drew sharp criticism from the opposition.",
    "Countries that sign up to the pact will get cheaper loans.",
    "Russia agreed to donate five helicopters to the museum.",
    "Related talks were held in Cairo on Tuesday.",
    "NATO said on Monday that it would send more jets.",
    "“We need your support,” the president told the summit.",
]


@pytest.mark.parametrize("sentence", NEWS_THAT_LOOKS_LIKE_BOILERPLATE)
def test_news_sentences_resembling_boilerplate_are_kept(sentence: str) -> None:
    text = f"Leaders meet in Cairo\nThe leaders met on Tuesday.\n{sentence}\nThey will meet again in May.\n"
    doc = read_text_document(text.encode(), "news.txt")
    assert sentence in segment_texts(doc)


def test_lowercase_line_continues_only_a_long_unfinished_line() -> None:
    text = ("Leaders meet in Oslo\n"
            "The leaders met on Monday in the capital to talk about new trade rules.\n"
            "Short tag here\n"
            "more text follows here.\n"
            "The minister said that the talks, which began on Monday and ran late into\n"
            "the night, had ended without agreement.\n")
    doc = read_text_document(text.encode(), "oslo.txt")
    pieces = segment_texts(doc)
    assert "Short tag here" in pieces and "more text follows here." in pieces
    assert ("The minister said that the talks, which began on Monday and ran late into\n"
            "the night, had ended without agreement.") in pieces

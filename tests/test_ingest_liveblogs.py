"""Live blogs in several house styles: posts, headlines, authors and exact instants.

The samples under tests/data/liveblogs are invented for these tests.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.ingest import read_inputs, read_text_document
from newsgraph.types import Document

SAMPLES = Path(__file__).parent / "data" / "liveblogs"


def read(name: str, warnings: list[str] | None = None, tz: str = "UTC") -> Document:
    path = SAMPLES / name
    return read_text_document(path.read_bytes(), name, timezone=tz,
                              warn=warnings.append if warnings is not None else None)


def at(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


def posts_of(doc: Document) -> list[tuple[str | None, str | None, str | None]]:
    return [(p.headline, p.author, p.published.isoformat() if p.published else None) for p in doc.posts]


def segment_texts(doc: Document) -> list[str]:
    return [doc.text[s.start : s.end] for s in doc.segments]


def test_time_only_stamps_take_the_day_of_the_page_header_and_its_zone() -> None:
    warnings: list[str] = []
    doc = read("time-only-bst.txt", warnings)
    assert warnings == []
    assert doc.is_live_blog
    assert doc.title == "Harbour strike live: Portuguese and Spanish ministers meet in Lisbon"
    assert posts_of(doc) == [
        ("Ministers agree to meet again in Madrid", "Marta Quintela", "2025-06-11T12:05:00+01:00"),
        ("Dockworkers gather outside the ministry", None, "2025-06-11T10:41:00+01:00"),
        ("Talks open in Lisbon", "Marta Quintela", "2025-06-11T09:12:00+01:00"),
    ]
    assert doc.posts[0].published == at("2025-06-11T11:05:00+00:00")
    assert doc.published == doc.posts[0].published


def test_time_only_layout_drops_key_events_updated_lines_and_author_lines() -> None:
    doc = read("time-only-bst.txt")
    texts = segment_texts(doc)
    joined = "\n".join(texts)
    for furniture in ("Key events", "3h ago", "Show key events only", "JavaScript", "Updated at", "Marta Quintela",
                      "12.05 BST", "Wed 11 Jun"):
        assert furniture not in joined
    # the key-events box repeats post headlines: each headline is analysed once, in its post
    assert texts.count("Ministers agree to meet again in Madrid") == 1
    assert all(s.post is not None for s in doc.segments if s.kind == "body")


def test_full_timestamps_opening_posts_stay_with_their_own_post() -> None:
    doc = read("full-opening-gmt.txt")
    assert doc.is_live_blog and doc.title == "Border talks – live updates"
    assert posts_of(doc) == [
        ("Envoys end first day of talks", "Tomas Wekesa", "2025-03-03T14:30:00+00:00"),
        ("Ethiopia sends a new delegation", None, "2025-03-03T11:05:00+00:00"),
        ("Talks begin in Nairobi", "Tomas Wekesa", "2025-03-03T09:12:00+00:00"),
    ]
    first = doc.posts[0]
    body = [doc.text[s.start : s.end] for s in doc.segments if s.post == first.index and s.kind == "body"]
    assert body == ["Kenya's envoy, Grace Mutua, said the first day had been useful.",
                    "Both sides will meet again on Tuesday."]
    lead = [doc.text[s.start : s.end] for s in doc.segments if s.post is None]
    assert lead == ["Border talks – live updates", "Follow the latest as Ethiopian and Kenyan envoys meet in Nairobi."]


def test_headline_then_twelve_hour_time_and_zone_then_byline() -> None:
    warnings: list[str] = []
    doc = read("headline-then-time-est.txt", warnings)
    assert warnings == []
    assert doc.is_live_blog and doc.title == "Canada and Mexico trade talks: live updates"
    assert posts_of(doc) == [
        ("Negotiators reach a draft deal on steel", "Rosa Delgado", "2025-12-02T16:45:00-05:00"),
        ("Mexico's delegation asks for more time", "Owen Marsh", "2025-12-02T13:20:00-05:00"),
        ("Talks open in Ottawa", "Rosa Delgado", "2025-12-02T09:12:00-05:00"),
    ]
    assert doc.posts[2].published == at("2025-12-02T14:12:00+00:00")
    joined = "\n".join(segment_texts(doc))
    assert "Updated" not in joined and "By " not in joined and "EST" not in joined


def test_time_only_stamps_without_a_dated_header_warn_and_get_no_time() -> None:
    warnings: list[str] = []
    doc = read("time-only-undated.txt", warnings)
    assert [p.headline for p in doc.posts] == ["Aid convoy reaches Sarajevo", "Croatia sends aid"]
    assert all(p.published is None for p in doc.posts) and doc.published is None
    assert warnings == ["time-only-undated.txt: 2 live-blog post times could not be placed in a day"
                        " (no dated page header nor publication date); the posts are left without a time"]


def test_times_running_past_midnight_warn_and_are_not_guessed() -> None:
    warnings: list[str] = []
    doc = read("time-only-midnight.txt", warnings)
    assert [p.headline for p in doc.posts] == ["Count nears completion", "Turnout is high", "Polls close"]
    assert all(p.published is None for p in doc.posts)
    assert len(warnings) == 1 and warnings[0].startswith("time-only-midnight.txt: live-blog post times run past midnight")
    assert doc.published == at("2025-11-16T01:30:00+00:00")  # the page's own stamp


def test_time_only_stamp_without_zone_is_read_in_the_header_zone_or_the_given_zone() -> None:
    text = ("Summit live\nMon 6 Oct 2025\n15:40\nLeaders leave Rome\nThe leaders left Rome.\n"
            "09:10\nLeaders arrive in Rome\nThe leaders arrived in Rome.\n")
    doc = read_text_document(text.encode(), "rome.txt", timezone="Europe/Rome")
    assert [p.published for p in doc.posts] == [at("2025-10-06T15:40:00+02:00"), at("2025-10-06T09:10:00+02:00")]
    assert doc.posts[0].headline == "Leaders leave Rome"


def test_twelve_hour_time_only_stamps() -> None:
    text = ("Storm live\nPublished: 14 January 2025\n2:05pm GMT\nRoads reopen\nRoads reopened in Dublin.\n"
            "9.30am GMT\nStorm reaches Ireland\nThe storm reached Ireland.\n")
    doc = read_text_document(text.encode(), "storm.txt")
    assert [p.published for p in doc.posts] == [at("2025-01-14T14:05:00+00:00"), at("2025-01-14T09:30:00+00:00")]


def test_a_text_that_looks_live_without_posts_warns_once() -> None:
    warnings: list[str] = []
    text = "Flood talks live: ministers meet\nKey events\nThe ministers met in Vienna on Monday.\n"
    doc = read_text_document(text.encode(), "flat.txt", warn=warnings.append)
    assert doc.posts == () and not doc.is_live_blog
    assert len(warnings) == 1 and warnings[0].startswith("flat.txt: looks like a live blog but no posts were found")


def test_an_ordinary_article_gives_no_warning() -> None:
    warnings: list[str] = []
    text = "Live music returns to Kyiv\nBy Ana Ruiz\nConcert halls reopened in Kyiv on Friday.\n"
    doc = read_text_document(text.encode(), "music.txt", warn=warnings.append)
    assert warnings == [] and doc.posts == ()


def test_the_warning_reaches_the_build_warn_callback() -> None:
    warnings: list[str] = []
    docs = list(read_inputs([str(SAMPLES / "time-only-undated.txt")], warn=warnings.append))
    assert len(docs) == 1
    assert warnings == [f"{(SAMPLES / 'time-only-undated.txt').as_posix()}: 2 live-blog post times could not be"
                        " placed in a day (no dated page header nor publication date); the posts are left without a time"]


def test_existing_signoff_layout_is_unchanged_by_a_weekday_header() -> None:
    text = ("Tue 12 Nov 2024 09:00 GMT\nTalks open in Geneva\nDelegates arrived on Monday.\n"
            "Jane Doe13 November 2024 10:24\nTalks close in Geneva\nDelegates left.\nJane Doe13 November 2024 11:30\n")
    doc = read_text_document(text.encode(), "geneva.txt")
    assert [(p.headline, p.author) for p in doc.posts] == [("Talks open in Geneva", "Jane Doe"),
                                                           ("Talks close in Geneva", "Jane Doe")]
    assert doc.posts[1].published == datetime(2024, 11, 13, 11, 30, tzinfo=timezone.utc)
    assert doc.posts[0].published - doc.posts[1].published == timedelta(minutes=-66)


def test_a_published_line_names_nobody() -> None:
    text = "Talks open in Geneva\nPublished 3 Mar 2025 09:12 GMT\nDelegates arrived on Monday.\n"
    doc = read_text_document(text.encode(), "published.txt")
    assert doc.author is None and doc.published == at("2025-03-03T09:12:00+00:00")
    assert "Published" not in " ".join(segment_texts(doc))


LIVE_FRAGMENTS = [
    "09.12 BST", "9:12am", "14:05", "23.59 GMT", "Wed 11 Jun 2025 12.05 BST", "3 Mar 2025 09:12 GMT",
    "Mar 3, 2025, 9:12 AM EST", "Updated at 10.05 GMT", "Key events", "2h ago", "Show key events only",
    "By Jane Roe", "Marta Quintela", "Jane Doe13 November 2024 10:24", "Talks open in Lisbon",
    "The ministers met on Monday.", "Published: 4 March 2025", "", "Flood talks live: ministers meet",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LIVE_FRAGMENTS), max_size=25).map("\n".join))
def test_any_mix_of_live_blog_lines_reads_with_consistent_posts(text: str) -> None:
    warnings: list[str] = []
    doc = read_text_document(text.encode(), "mix.txt", warn=warnings.append)
    previous_end = 0
    for seg in doc.segments:
        assert previous_end <= seg.start < seg.end <= len(doc.text)
        previous_end = seg.end
    indexes = [p.index for p in doc.posts]
    assert indexes == list(range(1, len(indexes) + 1))
    assert all(s.post is None or s.post in indexes for s in doc.segments)
    for a, b in zip(doc.posts, doc.posts[1:]):
        assert a.end <= b.start
    for post in doc.posts:
        assert post.published is None or post.published.utcoffset() is not None
    assert all(w.startswith("mix.txt: ") and "\n" not in w for w in warnings)


def test_the_blog_author_is_the_byline_above_the_posts_or_the_one_author_of_them_all() -> None:
    assert read("headline-then-time-est.txt").author is None  # two post authors, no byline above them
    assert read("time-only-bst.txt").author == "Marta Quintela"  # every signed post is hers
    text = ("Summit live\nBy Omar Haddad\nMon 6 Oct 2025\n15:40\nLeaders leave Rome\nThe leaders left Rome.\n"
            "09:10\nBy Jane Roe\nLeaders arrive in Rome\nThe leaders arrived in Rome.\n")
    doc = read_text_document(text.encode(), "rome.txt")
    assert doc.author == "Omar Haddad"
    assert [p.author for p in doc.posts] == [None, "Jane Roe"]


def test_a_live_page_title_with_its_own_date_line_is_no_post() -> None:
    text = ("Canada and Mexico trade talks: live updates\nDec 2, 2025, 8:00 AM EST\n"
            "Negotiators from both countries are meeting in Ottawa.\n"
            "Talks open in Ottawa\nDec 2, 2025, 9:12 AM EST\nBy Rosa Delgado\nThe delegations met on Tuesday.\n"
            "Mexico asks for more time\nDec 2, 2025, 1:20 PM EST\nMexico's negotiator asked for another day.\n")
    doc = read_text_document(text.encode(), "ottawa.txt")
    assert doc.title == "Canada and Mexico trade talks: live updates"
    assert posts_of(doc) == [("Talks open in Ottawa", "Rosa Delgado", "2025-12-02T09:12:00-05:00"),
                             ("Mexico asks for more time", None, "2025-12-02T13:20:00-05:00")]
    lead = [doc.text[s.start : s.end] for s in doc.segments if s.post is None]
    assert lead == ["Canada and Mexico trade talks: live updates",
                    "Negotiators from both countries are meeting in Ottawa."]


UNDATED_POSTS = ("15:40\nLeaders leave Rome\nThe leaders left Rome.\n"
                 "09:10\nLeaders arrive in Rome\nThe leaders arrived in Rome.\n")


def test_front_matter_or_published_option_dates_time_only_stamps() -> None:
    text = "---\ntitle: Summit live\ndate: 2025-10-06\n---\n" + UNDATED_POSTS
    doc = read_text_document(text.encode(), "rome.md", timezone="Europe/Rome")
    assert [p.published for p in doc.posts] == [at("2025-10-06T15:40:00+02:00"), at("2025-10-06T09:10:00+02:00")]
    given = read_text_document(UNDATED_POSTS.encode(), "rome.txt", published=at("2025-10-06T08:00:00+00:00"))
    assert [p.published for p in given.posts] == [at("2025-10-06T15:40:00+00:00"), at("2025-10-06T09:10:00+00:00")]


def test_posts_before_the_publication_time_are_not_placed_on_its_day() -> None:
    warnings: list[str] = []
    doc = read_text_document(UNDATED_POSTS.encode(), "rome.txt", published=at("2025-10-06T12:00:00+00:00"),
                             warn=warnings.append)
    assert all(p.published is None for p in doc.posts)
    assert len(warnings) == 1 and "fall before the publication time 2025-10-06T12:00:00+00:00" in warnings[0]


def test_a_json_lines_live_blog_warns_with_its_line_and_uses_its_published_day() -> None:
    import json

    from newsgraph.ingest import read_jsonl

    records = [{"text": "Summit live\n" + UNDATED_POSTS},
               {"text": "Summit live\n" + UNDATED_POSTS, "published": "2025-10-06"}]
    warnings: list[str] = []
    docs = list(read_jsonl("\n".join(json.dumps(r) for r in records).encode(), "f.jsonl", warn=warnings.append))
    assert [p.published for p in docs[0].posts] == [None, None]
    assert [p.published for p in docs[1].posts] == [at("2025-10-06T15:40:00+00:00"), at("2025-10-06T09:10:00+00:00")]
    assert len(warnings) == 1 and warnings[0].startswith("f.jsonl line 1: 2 live-blog post times could not be placed")

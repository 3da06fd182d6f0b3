"""Posts of a live blog are named by what identifies them, so a blog that grows keeps its post IRIs."""
from __future__ import annotations

from datetime import datetime, timezone

from newsgraph.graph.iris import Iris
from newsgraph.types import Post

UTC = timezone.utc


def post(index: int, hour: int | None, headline: str | None) -> Post:
    when = datetime(2025, 3, 3, hour, 15, tzinfo=UTC) if hour is not None else None
    return Post(index=index, start=0, end=1, headline=headline, published=when)


def test_a_post_added_at_the_top_renames_no_other_post():
    before = [post(1, 9, "Talks resume"), post(2, 8, "Ceasefire holds")]
    after = [post(1, 10, "Minister resigns"), post(2, 9, "Talks resume"), post(3, 8, "Ceasefire holds")]
    old, new = Iris.post_keys(before), Iris.post_keys(after)
    assert new[2] == old[1] and new[3] == old[2]
    assert new[1] not in old.values()


def test_the_key_reads_as_the_posts_time():
    (key,) = Iris.post_keys([post(1, 9, "Talks resume")]).values()
    assert key.startswith("2025-03-03t0915-")


def test_posts_with_the_same_time_and_headline_are_told_apart_in_order():
    keys = Iris.post_keys([post(1, 9, "Update"), post(2, 9, "Update"), post(3, None, None), post(4, None, None)])
    assert len(set(keys.values())) == 4
    assert keys[2] == keys[1] + "-2" and keys[4] == keys[3] + "-2"


def test_a_different_headline_at_the_same_time_is_a_different_post():
    keys = Iris.post_keys([post(1, 9, "Update"), post(2, 9, "Another update")])
    assert keys[1] != keys[2]

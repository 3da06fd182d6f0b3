"""A text of very many tiny lines is analysed in merged runs, each line still its own sentence."""
from __future__ import annotations

import time

import pytest

from newsgraph.nlp.analyse import MANY_SEGMENTS, group_tiny_segments
from newsgraph.types import Segment


def test_few_segments_are_left_alone():
    pieces = [Segment(i * 2, i * 2 + 1) for i in range(10)]
    assert group_tiny_segments(pieces, "a\n" * 10) == (pieces, {})


def test_segments_with_text_left_out_between_them_are_not_merged():
    text = "a\nBy Ann Lee\n" * (MANY_SEGMENTS + 10)
    step = len("a\nBy Ann Lee\n")
    pieces = [Segment(i * step, i * step + 1) for i in range(MANY_SEGMENTS + 10)]
    assert group_tiny_segments(pieces, text) == (pieces, {})


def test_many_body_segments_are_merged_per_post_and_headlines_stay_alone():
    pieces = [Segment(i * 2, i * 2 + 1, post=i // 1500) for i in range(MANY_SEGMENTS + 1000)]
    pieces[10] = Segment(20, 21, post=0, kind="headline")
    grouped, seams = group_tiny_segments(pieces, "a\n" * len(pieces))
    assert len(grouped) < len(pieces) // 100
    assert Segment(20, 21, post=0, kind="headline") in grouped
    for index, starts in seams.items():
        seg = grouped[index]
        assert seg.start == starts[0] and seg.end - seg.start <= 2000
        assert len({p.post for p in pieces if seg.start <= p.start < seg.end}) == 1
    covered = {p.start for seg in grouped for p in pieces if seg.start <= p.start < seg.end}
    assert covered == {p.start for p in pieces}


@pytest.mark.slow
def test_a_text_of_many_short_lines_builds_fast_and_no_name_runs_across_lines(tmp_path):
    from rdflib import SKOS, Graph

    from newsgraph.pipeline import build

    lines = []
    for i in range(6000):
        lines += ["Joe", "Biden"] if i % 500 == 0 else (["Emmanuel Macron"] if i % 500 == 1 else ["abcdefghij"[i % 10]])
    (tmp_path / "lines.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.monotonic()
    build([str(tmp_path / "lines.txt")], tmp_path / "out", write_html=False)
    assert time.monotonic() - started < 60
    labels = {str(o) for o in Graph().parse(tmp_path / "out" / "graph.ttl").objects(None, SKOS.prefLabel)}
    assert "Emmanuel Macron" in labels
    assert "Joe Biden" not in labels  # "Joe" and "Biden" are on different lines

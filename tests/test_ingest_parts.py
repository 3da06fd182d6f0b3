"""A text longer than a part is built as parts, so memory does not grow with one input's size."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.ingest.parts import parts_of
from newsgraph.ingest.text import read_text_document

PARAGRAPH = ("The foreign minister of Peru, Maria Lind, met her counterpart from Chile on Monday. "
             "Peru accused Chile of breaking the ceasefire, and the two sides agreed to meet again.")


def document(text: str):
    return read_text_document(text.encode("utf-8"), "long.txt")


def test_a_short_text_is_its_own_single_part():
    doc = document(PARAGRAPH)
    assert list(parts_of(doc, limit=10_000)) == [doc]


def test_parts_cover_the_text_exactly_and_are_cut_between_paragraphs():
    doc = document("\n\n".join([PARAGRAPH] * 60))
    parts = list(parts_of(doc, limit=2_000))
    assert len(parts) > 1
    assert "".join(p.text for p in parts) == doc.text
    for p in parts[:-1]:
        assert p.text.endswith("\n\n")  # never inside a paragraph when there are paragraphs
    for p in parts:
        assert all(0 <= s.start < s.end <= len(p.text) for s in p.segments)


def test_a_text_without_paragraphs_is_cut_after_a_full_stop_never_inside_a_sentence():
    doc = document(" ".join([PARAGRAPH] * 60))
    parts = list(parts_of(doc, limit=2_000))
    assert "".join(p.text for p in parts) == doc.text
    assert all(p.text.endswith(". ") for p in parts[:-1])


def test_parts_are_named_after_the_whole_and_a_changed_part_has_a_new_hash():
    doc = document("\n\n".join([PARAGRAPH] * 60))
    parts = list(parts_of(doc, limit=2_000))
    assert [p.key for p in parts[:2]] == [f"{doc.key}-part-1", f"{doc.key}-part-2"]
    assert [p.source for p in parts[:2]] == ["long.txt#part-1", "long.txt#part-2"]
    assert len({p.content_hash for p in parts}) == len(parts)


@pytest.mark.slow
def test_a_long_text_builds_as_parts_with_a_warning_and_is_removed_whole(tmp_path, monkeypatch):
    monkeypatch.setattr("newsgraph.ingest.parts.PART_CHARS", 2_000)
    (tmp_path / "long.txt").write_text("\n\n".join([PARAGRAPH] * 30), encoding="utf-8")
    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    built = runner.invoke(main, ["build", "long.txt", "--store", "store"])
    assert built.exit_code == 0, built.output
    assert "characters are built as" in built.output and "parts of at most 2,000" in built.output
    removed = runner.invoke(main, ["remove", "long.txt", "--store", "store"])
    assert removed.exit_code == 0, removed.output
    assert len(removed.output.splitlines()) > 1 and all("-part-" in line for line in removed.output.splitlines())

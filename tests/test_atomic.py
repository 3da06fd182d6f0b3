"""Outputs appear whole or not at all."""
from __future__ import annotations

import pytest

from newsgraph.atomic import atomic_path, write_atomically


def test_a_failed_write_keeps_the_previous_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_text("half a gra")
            raise RuntimeError("interrupted")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_a_successful_write_replaces_the_file_and_creates_its_folder(tmp_path):
    target = tmp_path / "new" / "graph.ttl"
    write_atomically(target, b"whole")
    assert target.read_bytes() == b"whole"
    assert [p.name for p in target.parent.iterdir()] == ["graph.ttl"]

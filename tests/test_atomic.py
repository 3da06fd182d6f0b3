"""Outputs appear whole or not at all."""
from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from newsgraph import atomic
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


@pytest.fixture
def umask():
    """Set a real process umask for one test and put the old one back."""
    old = os.umask(0o022)
    os.umask(old)
    yield lambda mask: os.umask(mask)
    os.umask(old)


@pytest.mark.parametrize("mask,mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664), (0o000, 0o666)])
def test_written_files_get_the_mode_open_would_give_under_the_umask(tmp_path, umask, mask, mode):
    umask(mask)
    target = tmp_path / "graph.ttl"
    write_atomically(target, b"whole")
    assert stat.S_IMODE(target.stat().st_mode) == mode
    with atomic_path(tmp_path / "page.html") as tmp:
        tmp.write_text("<!DOCTYPE html>")
    assert stat.S_IMODE((tmp_path / "page.html").stat().st_mode) == mode
    plain = tmp_path / "plain"
    plain.write_bytes(b"")  # what an ordinary open() gives, for comparison
    assert stat.S_IMODE(plain.stat().st_mode) == mode


def test_reading_the_umask_leaves_it_as_it_was(umask):
    umask(0o027)
    assert atomic._umask() == 0o027
    assert os.umask(0o027) == 0o027


def test_an_export_command_writes_with_the_shells_umask(tmp_path):
    """A real process started under `umask 077`: its export is private; under 022 world-readable."""
    graph = tmp_path / "graph.ttl"
    graph.write_text("<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n")
    for mask, mode in (("077", 0o600), ("022", 0o644)):
        out = tmp_path / f"out-{mask}.nt"
        subprocess.run(["sh", "-c", f'umask {mask} && exec "$0" -m newsgraph.cli export "$1" --format ntriples --out "$2"',
                        sys.executable, str(graph), str(out)], check=True, capture_output=True)
        assert stat.S_IMODE(out.stat().st_mode) == mode

"""The build folder: temporary files never linger, graph.ttl and graph.html are a pair, one build at a time."""
from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.atomic import atomic_path, remove_stale_temps, temp_path_for, write_atomically
from newsgraph.errors import GraphError
from newsgraph.outputs import JOURNAL, build_lock, commit, recover

NEWSGRAPH = [sys.executable, "-m", "newsgraph.cli"]
FIRST = "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi on Monday.\n"
SECOND = "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Friday.\n"
#: Seconds into the second build at which it is killed, as fractions of a whole build's time.
KILL_POINTS = (0.5, 0.85, 0.95, 1.0, 1.1)


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp") or p.name == JOURNAL)


def test_a_temporary_file_of_a_dead_process_is_removed_on_the_next_write(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".graph.ttl.{dead.pid}-abc123.tmp"
    stale.write_text("half")
    mine = temp_path_for(tmp_path / "graph.ttl")  # this process is alive: kept
    write_atomically(tmp_path / "graph.ttl", b"whole")
    assert not stale.exists() and mine.exists()
    assert (tmp_path / "graph.ttl").read_bytes() == b"whole"


def test_an_exception_inside_atomic_path_leaves_nothing_behind(tmp_path):
    with pytest.raises(RuntimeError), atomic_path(tmp_path / "x.graphml") as tmp:
        tmp.write_text("part")
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_outputs_are_readable_by_others_like_any_new_file(tmp_path):
    write_atomically(tmp_path / "graph.ttl", b"x")
    mask = os.umask(0o022)
    os.umask(mask)
    assert (tmp_path / "graph.ttl").stat().st_mode & 0o777 == 0o666 & ~mask


def test_a_commit_cut_between_its_renames_is_finished_by_the_next_build(tmp_path, monkeypatch):
    (tmp_path / "graph.ttl").write_text("old ttl")
    (tmp_path / "graph.html").write_text("old html")
    ttl, html = temp_path_for(tmp_path / "graph.ttl"), temp_path_for(tmp_path / "graph.html")
    ttl.write_text("new ttl")
    html.write_text("new html")
    real_replace = os.replace
    calls = []

    def dying_replace(src, dst):
        calls.append(dst)
        if str(dst).endswith("graph.html"):
            raise KeyboardInterrupt  # killed between the two renames
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", dying_replace)
    with pytest.raises(KeyboardInterrupt):
        commit(tmp_path, {"graph.ttl": ttl, "graph.html": html})
    monkeypatch.setattr(os, "replace", real_replace)
    assert (tmp_path / "graph.ttl").read_text() == "new ttl" and (tmp_path / JOURNAL).exists()
    recover(tmp_path)
    assert (tmp_path / "graph.html").read_text() == "new html"
    assert temps(tmp_path) == []


def test_recover_removes_leftovers_of_older_builds_even_without_a_process_id(tmp_path):
    for name in (".graph.ttl.x8k2.tmp", ".graph.html.q1w2.tmp", f".graph.ttl.{os.getpid()}-z.tmp"):
        (tmp_path / name).write_text("half")
    (tmp_path / ".notes.tmp").write_text("not ours")
    recover(tmp_path)
    assert temps(tmp_path) == [".notes.tmp"]


def test_a_second_build_into_a_locked_folder_is_refused_at_once(tmp_path):
    with build_lock(tmp_path):
        with pytest.raises(GraphError, match="another build is writing into"), build_lock(tmp_path):
            pass
    with build_lock(tmp_path):  # released
        pass


# ---------------------------------------------------------------- real processes, real kills


def start_build(source: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([*NEWSGRAPH, "build", str(source), "--out", str(out), "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def from_which(out: Path) -> tuple[str | None, str | None]:
    """Which input each output file came from ("first"/"second"), by a name only that input has."""
    def which(path: Path) -> str | None:
        if not path.exists():
            return None
        text = path.read_text(encoding="utf-8")
        return "second" if "Scholz" in text else "first" if "Ruto" in text else "?"

    return which(out / "graph.ttl"), which(out / "graph.html")


@pytest.mark.slow
def test_killed_builds_leave_a_matching_pair_and_no_temporary_files(tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(SECOND * 40, encoding="utf-8")
    out = tmp_path / "out"
    started = time.monotonic()
    assert start_build(second, tmp_path / "timing").wait(120) == 0
    whole = time.monotonic() - started
    outcomes = []
    for point in KILL_POINTS:
        assert start_build(first, out).wait(120) == 0
        assert from_which(out) == ("first", "first")
        proc = start_build(second, out)
        time.sleep(whole * point)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        pair = from_which(out)
        assert pair[0] == pair[1] or (out / JOURNAL).exists(), (point, pair)
        outcomes.append(pair[0])
        with build_lock(out):
            recover(out)  # what the next build does first
        assert temps(out) == [], (point, temps(out))
        assert from_which(out)[0] == from_which(out)[1], point
    assert "first" in outcomes  # some kills landed before the commit


@pytest.mark.slow
def test_sigterm_removes_the_temporary_files_on_the_way_out(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(SECOND * 40, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    proc = start_build(source, out)
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".tmp") for p in out.iterdir()) and time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.skip("the build finished before a temporary file could be seen")
        time.sleep(0.01)
    proc.send_signal(signal.SIGTERM)
    proc.wait(30)
    assert proc.returncode == 128 + signal.SIGTERM or proc.returncode == 0
    assert temps(out) == []


@pytest.mark.slow
def test_two_builds_into_one_folder_one_is_refused_with_a_clear_message(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(FIRST, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    first = start_build(source, out)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # wait until the first build holds the lock
        fd = os.open(out, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.flock(fd, fcntl.LOCK_UN)
        except BlockingIOError:
            break
        finally:
            os.close(fd)
        time.sleep(0.02)
    second = start_build(source, out)
    _, err = second.communicate(timeout=60)
    assert second.returncode == 1
    assert err == f"Error: another build is writing into {str(out)!r}: wait for it to finish, or give another --out\n"
    assert first.wait(120) == 0
    assert from_which(out) == ("first", "first")

"""Workers and Dask spread the NLP and extraction; the graph is the one a single process builds."""
from __future__ import annotations

import io
import sys

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.commands._progress import PlainProgress
from newsgraph.parallel import _chunks, _ordered
from newsgraph.types import Document, Segment

ARTICLES = {
    f"a{i}.txt": (f"Talks in Geneva\n\nThe foreign minister of {a}, Maria Lind, met her counterpart from {b} on "
                  f"Monday. {a} accused {b} of breaking the ceasefire, and the two sides agreed to meet again.\n")
    for i, (a, b) in enumerate([("Kenya", "Uganda"), ("Peru", "Chile"), ("Norway", "Sweden"), ("Japan", "China"),
                                ("Ghana", "Togo"), ("Poland", "Belarus"), ("Egypt", "Sudan"), ("Spain", "France"),
                                ("India", "Nepal"), ("Brazil", "Bolivia"), ("Canada", "Mexico")])
}


def _document(n: int) -> Document:
    text = " ".join(["word"] * n)
    return Document(key=f"d{n}", source=f"d{n}.txt", text=text, content_hash="sha256:0",
                    segments=(Segment(0, len(text)),))


def test_records_come_back_in_input_order_with_a_bounded_number_in_flight():
    in_flight, most = [], 0

    def submit(part):
        nonlocal most
        in_flight.append(part)
        most = max(most, len(in_flight))
        return part

    def result(part):
        in_flight.remove(part)
        return [f"records of {d.key}" for d in part]

    documents = [_document(n) for n in range(1, 26)]
    got = list(_ordered(submit, result, iter(documents), in_flight=3, chunk=40))
    assert got == [f"records of d{n}" for n in range(1, 26)]
    assert most == 3


def test_a_task_takes_documents_up_to_a_number_of_characters_or_one_longer_document():
    documents = [_document(n) for n in (3, 3, 3, 50, 1)]  # 14, 14, 14, 249 and 4 characters
    chunks = [[d.key for d in c] for c in _chunks(documents, 30)]
    assert chunks == [["d3", "d3"], ["d3"], ["d50"], ["d1"]]


def test_a_task_takes_at_most_a_number_of_short_documents():
    chunks = list(_chunks([_document(1) for _ in range(10)], 1_000, most=4))
    assert [len(c) for c in chunks] == [4, 4, 2]


def test_the_last_task_is_shared_among_the_workers_so_none_waits_alone_at_the_end():
    documents = [_document(3) for _ in range(7)]  # 14 characters each: 2 tasks of 4 and 3 documents
    assert [len(c) for c in _chunks(documents, 60)] == [4, 3]
    assert [len(c) for c in _chunks(documents, 60, last_in=2)] == [4, 2, 1]
    assert [len(c) for c in _chunks(documents[:1], 60, last_in=3)] == [1]
    assert list(_chunks([], 60, last_in=2)) == []


def test_a_plain_line_says_how_far_a_long_build_is_when_stderr_is_no_terminal():
    now = [0.0]
    stream = io.StringIO()
    progress = PlainProgress(stream, every=10.0, clock=lambda: now[0])
    progress.start(4, 400)
    for seconds in (5.0, 12.0, 30.0, 31.0):
        now[0] = seconds
        progress.advance(_document(100))
    lines = stream.getvalue().splitlines()
    # a line at most every 10 s, and none for the last document (the summary follows)
    assert lines == ["built 2 of 4 documents, 17 words/s, about 12 s left",
                     "built 3 of 4 documents, 10 words/s, about 10 s left"]


def _build(tmp_path, name, *extra):
    folder = tmp_path / "in"
    if not folder.exists():
        folder.mkdir()
        for file, text in ARTICLES.items():
            (folder / file).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(tmp_path / name), "--no-html", "-q",
                                       "--root", str(tmp_path), *extra])
    assert result.exit_code == 0, result.output
    return (tmp_path / name / "graph.ttl").read_bytes()


@pytest.mark.slow
def test_two_worker_processes_build_the_graph_one_process_builds(tmp_path):
    assert _build(tmp_path, "two", "--workers", "2") == _build(tmp_path, "one")


@pytest.mark.slow
def test_a_dask_cluster_of_two_workers_builds_the_graph_one_process_builds(tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        on_dask = _build(tmp_path, "dask", "--dask", cluster.scheduler_address)
    assert on_dask == _build(tmp_path, "one")


@pytest.mark.slow
def test_a_scheduler_that_cannot_be_reached_is_one_line(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr("newsgraph.distributed.CONNECT_TIMEOUT", "1s")
    (tmp_path / "a.txt").write_text(ARTICLES["a0.txt"], encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"),
                                       "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot reach the Dask scheduler tcp://127.0.0.1:9")
    assert len(result.output.strip().splitlines()) == 1


def test_without_dask_installed_the_message_says_how_to_get_it(tmp_path, monkeypatch):
    from newsgraph.distributed import _client
    from newsgraph.errors import ClusterError

    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ClusterError, match=r"pip install 'newsgraph\[distributed\]'"):
        _client("local")

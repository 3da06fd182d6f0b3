"""``query`` is bounded: --timeout, --max-rows, Ctrl-C exits 130 at once, no query outlives the command."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.errors import QueryTimeoutError
from newsgraph.query import load_graph, run_query
from newsgraph.query.formatting import escape_controls
from newsgraph.query.worker import run_bounded

NEWSGRAPH = [sys.executable, "-m", "newsgraph.cli"]
THREE_WAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"
TWO_WAY_ALL = "SELECT * WHERE { ?a ?p ?b . ?c ?q ?d }"

#: Every query the tests in this module run against the product graph.
QUERIES = [THREE_WAY, TWO_WAY_ALL, "SELECT * WHERE { ?a ?p ?b . ?c ?q ?d } ORDER BY ?b ?d",
           "CONSTRUCT { ?a ?p ?d } WHERE { ?a ?p ?b . ?c ?q ?d }"]


@pytest.fixture(scope="module")
def product_graph(tmp_path_factory):
    """3,000 triples: a two-way join has 9 M rows, a three-way one 27 billion."""
    path = tmp_path_factory.mktemp("product") / "graph.ttl"
    path.write_text("".join(f'<http://e/s{i}> <http://e/p> "v{i}" .\n' for i in range(3000)), encoding="utf-8")
    return path


def cli(*args: str):
    return CliRunner().invoke(main, ["query", *args])


def test_a_three_way_cross_product_is_stopped_by_the_timeout_with_exit_124(product_graph):
    started = time.monotonic()
    result = cli(str(product_graph), "--timeout", "1.5", THREE_WAY)
    assert time.monotonic() - started < 10
    assert result.exit_code == 124, result.output
    assert result.output.startswith("Error: the query ran longer than 1.5 s and was stopped")


@pytest.mark.parametrize("query", QUERIES[1:])
def test_a_huge_answer_stops_at_the_row_limit_and_says_so(product_graph, query):
    started = time.monotonic()
    result = cli(str(product_graph), "--max-rows", "5", "--timeout", "5", "--format", "tsv", query)
    assert result.exit_code in (0, 124), result.output
    if result.exit_code == 0:  # ORDER BY must sort everything first: the timeout may win
        assert "warning: only the first 5 rows are shown" in result.output
        assert time.monotonic() - started < 10


def test_the_row_limit_is_exact_and_zero_means_none(product_graph):
    graph = load_graph(product_graph)
    limited = run_query(graph, "SELECT ?s WHERE { ?s ?p ?o }", limit=10)
    assert len(limited.rows) == 10 and limited.truncated
    whole = run_query(graph, "SELECT ?s WHERE { ?s ?p ?o }", limit=None)
    assert len(whole.rows) == 3000 and not whole.truncated


def test_a_bounded_run_returns_the_answer_and_reraises_library_errors(product_graph):
    graph = load_graph(product_graph)
    result = run_bounded(lambda: run_query(graph, "ASK { ?s ?p ?o }"), timeout=10)
    assert result.boolean is True
    with pytest.raises(QueryTimeoutError):
        run_bounded(lambda: run_query(graph, THREE_WAY), timeout=0.5)


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (from /proc/*/stat, which every Linux has)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc for child processes")
def _kill_with_children(proc: subprocess.Popen) -> None:
    """A failed test leaves no query running (a cross product with no time limit never ends)."""
    for pid in [*_children(proc.pid), proc.pid]:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    proc.wait(10)


def test_ctrl_c_stops_a_running_query_at_once_with_exit_130(product_graph):
    proc = subprocess.Popen([*NEWSGRAPH, "query", str(product_graph), "--timeout", "0", THREE_WAY],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while not _children(proc.pid) and time.monotonic() < deadline:  # the query is running
            time.sleep(0.1)
        workers = _children(proc.pid)
        assert workers, "the query never started"
        time.sleep(0.5)
        sent = time.monotonic()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            _kill_with_children(proc)
    assert time.monotonic() - sent < 3
    assert proc.returncode == 130, (out, err)
    assert err == "interrupted\n"
    for pid in workers:
        assert not os.path.exists(f"/proc/{pid}") or "zombie" in open(f"/proc/{pid}/status").read()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc for child processes")
def test_a_killed_command_takes_its_query_process_with_it(product_graph):
    proc = subprocess.Popen([*NEWSGRAPH, "query", str(product_graph), "--timeout", "0", THREE_WAY],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while not _children(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = _children(proc.pid)
    assert workers
    proc.kill()
    proc.wait(10)
    deadline = time.monotonic() + 5
    while any(os.path.exists(f"/proc/{pid}") for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(os.path.exists(f"/proc/{pid}") for pid in workers)


def test_terminal_controls_are_escaped_in_the_table(product_graph):
    result = cli(str(product_graph), 'SELECT ?x WHERE { BIND("a\\u001b]8;;http://evil/\\u0007b\\u202e" AS ?x) }')
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output and "\u202e" not in result.output
    assert "a\\x1b]8;;http://evil/\\x07b\\u202e" in result.output


def test_escaping_keeps_newlines_and_tabs_and_ordinary_text():
    assert escape_controls("Zürich\tקייב 🇺🇦\n") == "Zürich\tקייב 🇺🇦\n"
    assert escape_controls("\x00\x9b\x7f") == "\\x00\\x9b\\x7f"


def test_every_export_is_valid_xml_whatever_the_names_hold(tmp_path):
    import networkx as nx
    from lxml import etree

    from newsgraph.export import write_network

    nasty = "Ukr\x1b]8;;http://evil/\x07aine\x00 \ud800 \ufffe"
    for fmt in ("graphml", "gexf"):
        network = nx.MultiDiGraph()
        network.add_node("https://w3id.org/newsgraph/id/state/UKR", label=nasty, type="State", aliases=nasty,
                         mentions=1)
        network.add_node("b", label="B", type="Person", aliases="", mentions=1)
        network.add_edge("b", "https://w3id.org/newsgraph/id/state/UKR", kind="event", label=nasty, type="ASSAULT",
                         count=1, directed=True, modality="asserted")
        out = write_network(network, tmp_path / f"n.{fmt}", fmt)
        tree = etree.parse(str(out))
        text = etree.tostring(tree, encoding="unicode")
        assert "Ukr]8;;http://evil/aine" in text

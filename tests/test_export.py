"""GraphML and GEXF exports of the actor network, read back with networkx."""
from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import datetime, timezone

import networkx as nx
import pytest
from click.testing import CliRunner
from pyoxigraph import Quad, Store

from newsgraph import __version__
from newsgraph.cli import main
from newsgraph.errors import GraphError
from newsgraph.export import export_graph
from newsgraph.viz import default_store
from newsgraph.vocab import SYMMETRIC_EVENT_TYPES
from test_viz_fixtures import BASE, NEWS_TTL, expected_edges, expected_nodes, parse, select, write

READERS = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}
WHEN = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)
GEXF = "{http://www.gexf.net/1.2draft}"


@pytest.fixture(scope="module")
def graph():
    return parse(NEWS_TTL)


def edge_ids(network) -> set[str]:
    """Distinct edges as written: GEXF gives each an id; a mutual edge is read as two arcs with one id."""
    return {d.get("id", k) for _, _, k, d in network.edges(keys=True, data=True)} if network.is_multigraph() else {
        d["id"] for _, _, d in network.edges(data=True)}


def arcs_between(network, u, v) -> list[dict]:
    data = network.get_edge_data(u, v) or {}
    return list(data.values()) if network.is_multigraph() else [data]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_reads_back_with_every_node_and_edge(graph, tmp_path, fmt):
    out = export_graph(graph, tmp_path / f"net.{fmt}", fmt).path
    network = READERS[fmt](out)
    assert network.is_directed()
    assert set(network.nodes) == set(expected_nodes(graph))
    written = edge_ids(network) if fmt == "gexf" else set(network.edges)
    assert len(written) == len(expected_edges(graph))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_keeps_node_attributes(graph, tmp_path, fmt):
    network = READERS[fmt](export_graph(graph, tmp_path / f"net.{fmt}", fmt).path)
    labels = dict(select(graph, "SELECT ?x ?l WHERE { ?x skos:prefLabel ?l }"))
    mentions = dict(select(graph, "SELECT ?x (COUNT(?m) AS ?n) WHERE { ?m ng:refersTo ?x } GROUP BY ?x"))
    for node, data in network.nodes(data=True):
        assert data["label"] == labels[node]
        assert data["type"] == expected_nodes(graph)[node]
        assert int(data["mentions"]) == int(mentions.get(node, 0))
    moreno = network.nodes[BASE + "person/alia-moreno"]
    assert set(moreno["aliases"].split("; ")) == {a for (a,) in select(
        graph, f"SELECT ?a WHERE {{ <{BASE}person/alia-moreno> skos:altLabel ?a }}")}


@pytest.mark.parametrize("fmt,type_key", [("graphml", "type"), ("gexf", "relation")])
def test_export_keeps_edge_kind_label_type_and_count(graph, tmp_path, fmt, type_key):
    network = READERS[fmt](export_graph(graph, tmp_path / f"net.{fmt}", fmt).path)
    edges = {d.get("id", (u, v)): d for u, v, d in network.edges(data=True)}.values()  # a mutual edge once
    kinds = sorted(d["kind"] for d in edges)
    assert kinds == sorted(k[0] for k in expected_edges(graph))
    pair = {BASE + "person/alia-moreno", BASE + "person/tomas-lindqvist"}
    (consult,) = {d["id"] if "id" in d else "one": d for u, v, d in network.edges(data=True)
                  if {u, v} == pair and d[type_key] == "CONSULT"}.values()
    n = int(select(graph, f"""SELECT (COUNT(?e) AS ?n) WHERE {{ ?e ng:eventType plover:CONSULT ;
        ng:agent ?a ; ng:target ?t . FILTER(?a IN (<{BASE}person/alia-moreno>, <{BASE}person/tomas-lindqvist>)
        && ?t IN (<{BASE}person/alia-moreno>, <{BASE}person/tomas-lindqvist>)) }}""")[0][0])
    assert int(consult["count"]) == n and consult["label"] == f"CONSULT ×{n}"
    assert consult["directed"] in (False, "false")
    roles = {d["label"] for d in edges if d["kind"] == "role"}
    assert roles == {k[3] for k in expected_edges(graph) if k[0] == "role"}


@pytest.mark.parametrize("fmt,type_key", [("graphml", "type"), ("gexf", "relation")])
def test_every_event_edge_carries_its_plover_type(graph, tmp_path, fmt, type_key):
    network = READERS[fmt](export_graph(graph, tmp_path / f"net.{fmt}", fmt).path)
    events = [d for _, _, d in network.edges(data=True) if d["kind"] == "event"]
    assert {d["event_type"] for d in events} == {k[1] for k in expected_edges(graph) if k[0] == "event"}
    assert all(d["event_type"] == d[type_key] for d in events)
    assert not any("event_type" in d for _, _, d in network.edges(data=True) if d["kind"] != "event")


def test_gexf_writes_symmetric_events_as_mutual_edges_and_the_rest_one_way(graph, tmp_path):
    network = nx.read_gexf(export_graph(graph, tmp_path / "net.gexf", "gexf").path)
    arcs = Counter(d["id"] for _, _, d in network.edges(data=True))
    for u, v, d in network.edges(data=True):
        symmetric = d["kind"] == "event" and d["relation"] in SYMMETRIC_EVENT_TYPES
        assert arcs[d["id"]] == (2 if symmetric else 1), d
        if symmetric:  # the same edge, read as one arc each way
            assert d["id"] in {x["id"] for x in arcs_between(network, v, u)}
    assert any(d["kind"] == "event" and d["relation"] in SYMMETRIC_EVENT_TYPES for _, _, d in network.edges(data=True))
    raw = ET.parse(tmp_path / "net.gexf").getroot()
    types = {e.get("id"): e.get("type") for e in raw.iter(f"{GEXF}edge")}
    assert set(types.values()) == {None, "mutual"}


def test_graphml_says_which_edges_are_undirected(graph, tmp_path):
    network = nx.read_graphml(export_graph(graph, tmp_path / "net.graphml", "graphml").path)
    for _, _, d in network.edges(data=True):
        assert d["directed"] is (d["kind"] != "event" or d["type"] not in SYMMETRIC_EVENT_TYPES)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_the_same_graph_gives_the_same_bytes_whatever_order_it_was_loaded_in(graph, tmp_path, fmt):
    quads = list(default_store(graph))
    random.Random(7).shuffle(quads)
    shuffled = Store()
    for quad in quads:
        shuffled.add(Quad(quad.subject, quad.predicate, quad.object))
    first = export_graph(graph, tmp_path / f"a.{fmt}", fmt, generated=WHEN, include_places=True).path.read_bytes()
    second = export_graph(shuffled, tmp_path / f"b.{fmt}", fmt, generated=WHEN, include_places=True).path.read_bytes()
    assert first == second
    later = export_graph(graph, tmp_path / f"c.{fmt}", fmt, generated=WHEN.replace(day=2), include_places=True)
    assert later.path.read_bytes() != first  # only the generation time differs ...
    assert later.path.read_bytes().replace(b"2025-03-02", b"2025-03-01") == first  # ... and nothing else


def test_graphml_carries_the_description_as_graph_attributes(graph, tmp_path):
    out = export_graph(graph, tmp_path / "net.graphml", "graphml", generated=WHEN,
                       licence="https://creativecommons.org/licenses/by/4.0/").path
    about = nx.read_graphml(out).graph
    assert about["newsgraph_version"] == __version__
    assert about["generated"] == "2025-03-01T12:00:00Z"
    assert about["triples"] == len(graph)
    assert about["distinct_subjects"] == len(set(graph.subjects()))
    assert about["entities"] == len({s for s in graph.subjects() if str(s).startswith(BASE)})
    assert about["licence"] == "https://creativecommons.org/licenses/by/4.0/"
    assert "sparql_endpoint" not in about
    plain = nx.read_graphml(export_graph(graph, tmp_path / "plain.graphml", "graphml").path).graph
    assert "licence" not in plain and "sparql_endpoint" not in plain


def test_gexf_carries_the_description_in_its_meta(graph, tmp_path):
    out = export_graph(graph, tmp_path / "net.gexf", "gexf", generated=WHEN, endpoint="http://127.0.0.1:7878/query").path
    meta = ET.parse(out).getroot().find(f"{GEXF}meta")
    assert meta.get("lastmodifieddate") == "2025-03-01"
    assert meta.find(f"{GEXF}creator").text == f"newsgraph {__version__}"
    description = dict(part.split("=", 1) for part in meta.find(f"{GEXF}description").text.split("; "))
    assert description["generated"] == "2025-03-01T12:00:00Z"
    assert int(description["triples"]) == len(graph)
    assert description["sparql_endpoint"] == "http://127.0.0.1:7878/query"
    assert "licence" not in description


def test_unknown_format_and_unwritable_path_are_graph_errors(graph, tmp_path):
    with pytest.raises(GraphError, match="unknown export format 'dot': use one of gexf, graphml, jsonld, nquads"):
        export_graph(graph, tmp_path / "x.dot", "dot")
    (tmp_path / "dir.graphml").mkdir()
    with pytest.raises(GraphError, match="cannot write"):
        export_graph(graph, tmp_path / "dir.graphml", "graphml")


def test_export_command_guesses_the_format_from_the_suffix(graph, tmp_path):
    path = str(write(tmp_path))
    out = tmp_path / "net.gexf"
    result = CliRunner().invoke(main, ["export", path, "--out", str(out)])
    assert result.exit_code == 0
    assert result.output == (f"wrote {out} (gexf, {len(expected_nodes(graph))} nodes, "
                             f"{len(expected_edges(graph))} edges)\n")
    assert nx.read_gexf(out).number_of_nodes() == len(expected_nodes(graph))


def test_export_command_with_explicit_format_and_places(graph, tmp_path):
    out = tmp_path / "net.xml"
    result = CliRunner().invoke(main, ["export", str(write(tmp_path)), "--format", "graphml", "--out", str(out), "--places"])
    assert result.exit_code == 0
    assert set(nx.read_graphml(out).nodes) == set(expected_nodes(graph, places=True))


def test_export_command_needs_a_format_it_can_tell(tmp_path):
    result = CliRunner().invoke(main, ["export", str(write(tmp_path)), "--out", str(tmp_path / "net.xml")])
    assert result.exit_code == 2
    assert "cannot tell the format from 'net.xml': add --format (gexf, graphml, jsonld, nquads" in result.output
    assert result.output.endswith("\n\nError: " + result.output.split("\n\nError: ")[1]) and \
        result.output.split("Error: ")[1].count("\n") == 1
    missing = CliRunner().invoke(main, ["export", str(tmp_path / "no.ttl"), "--out", str(tmp_path / "n.gexf")])
    assert missing.exit_code == 2 and "does not exist" in missing.output


def test_export_command_two_runs_give_identical_files_with_source_date_epoch(tmp_path):
    path = str(write(tmp_path))
    env = {"SOURCE_DATE_EPOCH": "1740830400"}
    for name in ("one.gexf", "two.gexf"):
        assert CliRunner(env=env).invoke(main, ["export", path, "--out", str(tmp_path / name)]).exit_code == 0
    assert (tmp_path / "one.gexf").read_bytes() == (tmp_path / "two.gexf").read_bytes()
    assert b'lastmodifieddate="2025-03-01"' in (tmp_path / "one.gexf").read_bytes()


@pytest.mark.parametrize("fmt", ["GraphML", "gexf"])
def test_export_graph_says_where_it_wrote_and_how_much(graph, tmp_path, fmt):
    out = tmp_path / "net.file"
    written = export_graph(graph, out, fmt, include_places=True)
    assert (written.path, written.format) == (out, fmt.lower())
    assert (written.nodes, written.edges) == (len(expected_nodes(graph, True)), len(expected_edges(graph, True)))
    network = READERS[fmt.lower()](out)
    assert len(edge_ids(network) if fmt == "gexf" else set(network.edges)) == written.edges


def test_graphml_key_ids_are_unique_though_nodes_and_edges_share_attribute_names(graph, tmp_path):
    root = ET.parse(export_graph(graph, tmp_path / "net.graphml", "graphml").path).getroot()
    keys = [(k.get("id"), k.get("for"), k.get("attr.name")) for k in root.iter("{http://graphml.graphdrawing.org/xmlns}key")]
    assert {("node", "type"), ("edge", "type"), ("node", "label"), ("edge", "label")} <= {(f, n) for _, f, n in keys}
    assert len({i for i, _, _ in keys}) == len(keys)

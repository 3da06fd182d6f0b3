"""GraphML and GEXF exports, read back with networkx."""
from __future__ import annotations

import networkx as nx
import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.errors import GraphError
from newsgraph.export import export_graph
from test_viz_fixtures import BASE, NEWS_TTL, expected_edges, expected_nodes, parse, select, write

READERS = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}


@pytest.fixture(scope="module")
def graph():
    return parse(NEWS_TTL)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_reads_back_with_every_node_and_edge(graph, tmp_path, fmt):
    out = export_graph(graph, tmp_path / f"net.{fmt}", fmt).path
    network = READERS[fmt](out)
    assert network.is_directed()
    assert set(network.nodes) == set(expected_nodes(graph))
    assert network.number_of_edges() == len(expected_edges(graph))


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
    edges = list(network.edges(data=True))
    kinds = sorted(d["kind"] for _, _, d in edges)
    assert kinds == sorted(k[0] for k in expected_edges(graph))
    pair = {BASE + "person/alia-moreno", BASE + "person/tomas-lindqvist"}
    (consult,) = [d for u, v, d in edges if {u, v} == pair and d[type_key] == "CONSULT"]
    n = int(select(graph, f"""SELECT (COUNT(?e) AS ?n) WHERE {{ ?e ng:eventType plover:CONSULT ;
        ng:agent ?a ; ng:target ?t . FILTER(?a IN (<{BASE}person/alia-moreno>, <{BASE}person/tomas-lindqvist>)
        && ?t IN (<{BASE}person/alia-moreno>, <{BASE}person/tomas-lindqvist>)) }}""")[0][0])
    assert int(consult["count"]) == n and consult["label"] == f"CONSULT ×{n}"
    assert consult["directed"] in (False, "false")
    roles = {d["label"] for _, _, d in edges if d["kind"] == "role"}
    assert roles == {k[3] for k in expected_edges(graph) if k[0] == "role"}


def test_unknown_format_and_unwritable_path_are_graph_errors(graph, tmp_path):
    with pytest.raises(GraphError, match="unknown export format 'dot': use one of gexf, graphml"):
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
    assert "cannot tell the format from 'net.xml': add --format graphml or --format gexf" in result.output
    missing = CliRunner().invoke(main, ["export", str(tmp_path / "no.ttl"), "--out", str(tmp_path / "n.gexf")])
    assert missing.exit_code == 2 and "does not exist" in missing.output


@pytest.mark.parametrize("fmt", ["GraphML", "gexf"])
def test_export_graph_says_where_it_wrote_and_how_much(graph, tmp_path, fmt):
    out = tmp_path / "net.file"
    written = export_graph(graph, out, fmt, include_places=True)
    assert (written.path, written.format) == (out, fmt.lower())
    assert (written.nodes, written.edges) == (len(expected_nodes(graph, True)), len(expected_edges(graph, True)))
    assert READERS[fmt.lower()](out).number_of_edges() == written.edges

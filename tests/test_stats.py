"""Network statistics: counts, central actors and communities, checked against the RDF."""
from __future__ import annotations

import json
from collections import Counter

import networkx as nx
import pytest
from click.testing import CliRunner

import newsgraph.analytics as analytics
from newsgraph.analytics import graph_stats, stats_text, to_networkx
from newsgraph.cli import main
from newsgraph.viz.synthetic import synthetic_graph
from test_viz_fixtures import NEWS_TTL, expected_edges, expected_nodes, parse, select, write


@pytest.fixture(scope="module")
def graph():
    return parse(NEWS_TTL)


@pytest.fixture(scope="module")
def stats(graph):
    return graph_stats(graph)


def _actor_pairs(graph) -> nx.Graph:
    """Who is linked to whom by any event or membership, straight from SPARQL."""
    nodes = expected_nodes(graph)
    pairs = nx.Graph()
    pairs.add_nodes_from(nodes)
    rows = select(graph, "SELECT ?a ?b WHERE { { ?e a ng:Event ; ng:agent ?a ; ng:target ?b } UNION "
                         "{ ?m a org:Membership ; org:member ?a ; org:organization ?b } }")
    pairs.add_edges_from((a, b) for a, b in rows if a in nodes and b in nodes and a != b)
    return pairs


def test_class_counts_match_the_rdf(graph, stats):
    rows = select(graph, "SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?c } GROUP BY ?c")
    expected = {c: int(n) for c, n in rows}
    assert {analytics.compact(c): n for c, n in expected.items()} == stats["classes"]
    assert stats["triples"] == len(graph)


def test_event_and_role_counts_match_the_rdf(graph, stats):
    events = select(graph, "SELECT ?t (COUNT(?e) AS ?n) WHERE { ?e a ng:Event ; ng:eventType ?t } GROUP BY ?t")
    assert stats["relations"]["events"] == {t.rsplit("#", 1)[1]: int(n) for t, n in events}
    roles = select(graph, "SELECT ?l (COUNT(?m) AS ?n) WHERE { ?m a org:Membership ; org:role/skos:prefLabel ?l } GROUP BY ?l")
    assert stats["relations"]["roles"] == {label: int(n) for label, n in roles}
    modes = select(graph, "SELECT ?mode (COUNT(?e) AS ?n) WHERE { ?e a ng:Event ; ng:modality ?mode } GROUP BY ?mode")
    assert stats["relations"]["modality"] == {m.rsplit("#", 1)[1].lower(): int(n) for m, n in modes}


def test_network_size_is_the_drawn_network(graph, stats):
    kinds = Counter(key[0] for key in expected_edges(graph))
    assert stats["network"]["nodes"] == len(expected_nodes(graph))
    assert stats["network"]["edges"] == len(expected_edges(graph))
    assert stats["network"]["edge_kinds"] == dict(kinds)
    assert stats["network"]["components"] == nx.number_connected_components(_actor_pairs(graph))


def test_degree_and_betweenness_rank_actors_as_networkx_does_on_the_rdf_pairs(graph, stats):
    pairs = _actor_pairs(graph)
    degree = dict(pairs.degree())
    assert [(row["id"], row["degree"]) for row in stats["degree"]] == sorted(
        degree.items(), key=lambda kv: (-kv[1], stats_label(graph, kv[0]).casefold(), kv[0]))[:10]
    between = nx.betweenness_centrality(pairs, normalized=True)
    for row in stats["betweenness"]:
        assert row["betweenness"] == pytest.approx(between[row["id"]], abs=1e-6)
    assert stats["betweenness"][0]["betweenness"] == pytest.approx(max(between.values()), abs=1e-6)
    assert stats["betweenness_sampled"] is None


def stats_label(graph, iri: str) -> str:
    return dict(select(graph, "SELECT ?x ?l WHERE { ?x skos:prefLabel ?l }"))[iri]


def test_communities_are_deterministic_and_lie_within_components(graph, stats):
    assert graph_stats(parse(NEWS_TTL)) == stats
    labels = {iri: stats_label(graph, iri) for iri in expected_nodes(graph)}
    components = [{labels[x] for x in c} for c in nx.connected_components(_actor_pairs(graph))]
    assert stats["communities"]
    for community in stats["communities"]:
        assert community["size"] == len(community["members"]) >= 2
        assert any(set(community["members"]) <= component for component in components)
    assert sum(c["size"] for c in stats["communities"]) <= stats["network"]["nodes"]


def test_top_limits_the_lists(graph):
    small = graph_stats(graph, top=2)
    assert len(small["degree"]) == len(small["betweenness"]) == 2
    assert len(small["communities"]) <= 2 <= small["community_count"]


def test_large_networks_estimate_betweenness_from_a_seeded_sample(monkeypatch):
    monkeypatch.setattr(analytics, "BETWEENNESS_EXACT_UP_TO", 20)
    graph = synthetic_graph(60, 150, seed=4)
    first = graph_stats(graph, top=5)
    assert first["betweenness_sampled"] == 20
    assert graph_stats(graph, top=5)["betweenness"] == first["betweenness"]
    assert "estimated from 20 sources" in stats_text(first)


def test_to_networkx_keeps_counts_and_attributes(graph):
    network = to_networkx(graph)
    assert isinstance(network, nx.MultiDiGraph)
    consult = [d for _, _, d in network.edges(data=True) if d["type"] == "CONSULT" and d["count"] > 1]
    assert consult and consult[0]["label"] == f"CONSULT ×{consult[0]['count']}" and consult[0]["kind"] == "event"
    aliases = dict(select(graph, "SELECT ?x (GROUP_CONCAT(?a; separator='|') AS ?all) WHERE { ?x skos:altLabel ?a } GROUP BY ?x"))
    for node, data in network.nodes(data=True):
        assert set(filter(None, data["aliases"].split("; "))) == set(filter(None, aliases.get(node, "").split("|")))


def test_stats_command_prints_text_and_json(tmp_path, graph, stats):
    path = str(write(tmp_path))
    text = CliRunner().invoke(main, ["stats", path, "--top", "3"])
    assert text.exit_code == 0
    net = stats["network"]
    assert f"network: {net['nodes']} nodes, {net['edges']} edges" in text.output
    assert text.output.count("\n") > 10
    as_json = CliRunner().invoke(main, ["stats", path, "--format", "json"])
    assert as_json.exit_code == 0
    assert json.loads(as_json.output) == stats


def test_stats_command_on_a_missing_graph_fails_with_one_line(tmp_path):
    result = CliRunner().invoke(main, ["stats", str(tmp_path / "none.ttl")])
    assert result.exit_code == 2
    assert result.output == (f"Error: graph file '{tmp_path / 'none.ttl'}' does not exist: "
                             "run `newsgraph build` first or check the path\n")


def test_agent_only_events_are_counted_in_the_total_and_as_without_target(graph, stats):
    (total,) = select(graph, "SELECT (COUNT(?e) AS ?n) WHERE { ?e a ng:Event }")
    (alone,) = select(graph, "SELECT (COUNT(?e) AS ?n) WHERE { ?e a ng:Event FILTER NOT EXISTS { ?e ng:target ?t } }")
    assert stats["relations"]["event_total"] == int(total[0]) == sum(stats["relations"]["events"].values())
    assert stats["relations"]["events_without_target"] == int(alone[0]) > 0
    assert f"events: {total[0]}, {alone[0]} without a target" in stats_text(stats)


def test_modes_are_counted_with_their_type(graph, stats):
    modes = select(graph, "SELECT ?m (COUNT(?e) AS ?n) WHERE { ?e a ng:Event ; ng:mode ?m } GROUP BY ?m")
    assert stats["relations"]["modes"] == {m.rsplit("#", 1)[1]: int(n) for m, n in modes} == {"ASSAULT-aerial": 1}
    assert "events by mode: ASSAULT-aerial 1" in stats_text(stats)


def test_agent_only_events_never_make_an_edge(graph):
    agents = {a for (a,) in select(graph, "SELECT ?a WHERE { ?e a ng:Event ; ng:agent ?a FILTER NOT EXISTS { ?e ng:target ?t } }")}
    network = to_networkx(graph)
    assert agents and all(a in network for a in agents)
    assert not [d for _, _, d in network.edges(data=True) if d["kind"] == "event" and d["type"] == "ASSAULT"]


def test_a_graph_of_only_agent_only_events_has_events_but_no_edges():
    lone = parse(NEWS_TTL.split("<role/secretary-of-state>")[0] + """
<event/00000000000000e1> a ng:Event ; ng:eventType plover:RETREAT ; ng:mode plover:RETREAT-resign ;
    ng:agent <person/nadia-okafor> ; ng:modality ng:Asserted .
""")
    stats = graph_stats(lone)
    assert stats["relations"]["event_total"] == stats["relations"]["events_without_target"] == 1
    assert stats["network"]["edges"] == 0 and stats["network"]["edge_kinds"] == {}

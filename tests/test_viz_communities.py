"""The page's view model: communities (the ones `stats` reports), starting positions, and the data the page reads."""
from __future__ import annotations

import math

import pytest

from newsgraph.analytics import graph_stats
from newsgraph.viz import load_view
from newsgraph.viz.communities import NODE_SPACING, seed_positions
from newsgraph.viz.pagedata import COMMUNITY_COLOURS, ISOLATED_SHOWN_UP_TO, page_data
from newsgraph.viz.synthetic import synthetic_graph
from test_viz_fixtures import BASE, NEWS_TTL, expected_edges, expected_nodes, parse, select

UKRAINE, MORENO = BASE + "state/UKR", BASE + "person/alia-moreno"


@pytest.fixture(scope="module", params=["news", "synthetic"])
def graph(request):
    return parse(NEWS_TTL) if request.param == "news" else synthetic_graph(80, 90, seed=4)


def _degrees(graph) -> dict[str, int]:
    """Distinct neighbours per node, from the Turtle (edges as expected_edges counts them)."""
    neighbours = {x: set() for x in expected_nodes(graph)}
    for key in expected_edges(graph):
        a, b = tuple(key[3]) if key[0] == "event" else (key[1], key[2])
        if a != b:
            neighbours[a].add(b)
            neighbours[b].add(a)
    return {x: len(n) for x, n in neighbours.items()}


def test_the_page_draws_the_communities_stats_reports(graph):
    view = load_view(graph)
    labels = {n.id: n.label for n in view.nodes}
    stats = graph_stats(graph, top=1000)
    assert view.communities
    assert [[labels[m] for m in c] for c in view.communities] == [c["members"] for c in stats["communities"]]


def test_communities_are_disjoint_connected_groups_of_two_or_more_largest_first(graph):
    view = load_view(graph)
    degree = _degrees(graph)
    members = [m for c in view.communities for m in c]
    assert len(members) == len(set(members))
    assert all(len(c) >= 2 for c in view.communities)
    assert all(degree[m] > 0 for m in members)
    assert [len(c) for c in view.communities] == sorted((len(c) for c in view.communities), reverse=True)
    assert all([degree[m] for m in c] == sorted((degree[m] for m in c), reverse=True) for c in view.communities)


def test_communities_start_apart_and_nodes_without_relations_start_below(graph):
    view = load_view(graph)
    at = seed_positions(view)
    assert set(at) == {n.id for n in view.nodes} and at == seed_positions(load_view(graph))
    for i, a in enumerate(view.communities):
        for b in view.communities[i + 1:]:
            nearest = min(math.dist(at[x], at[y]) for x in a for y in b)
            assert nearest >= NODE_SPACING * 0.99
    degree = _degrees(graph)
    linked_bottom = max(at[x][1] for x, d in degree.items() if d)
    alone = [x for x, d in degree.items() if not d]
    assert alone and all(at[x][1] > linked_bottom for x in alone)


def test_page_data_gives_each_node_its_community_rank_and_starting_place(graph):
    view = load_view(graph)
    data = page_data(view)
    index = {m: i for i, c in enumerate(view.communities) for m in c}
    degree = _degrees(graph)
    for n in data["nodes"]:
        assert n["community"] == index.get(n["id"])
        assert "x" in n and "y" in n
    assert [c["members"] for c in data["communities"]] == [list(c) for c in view.communities]
    assert [c["colour"] for c in data["communities"]] == [COMMUNITY_COLOURS[i % 12] for i in range(len(view.communities))]
    ranked = sorted(data["nodes"], key=lambda n: n["rank"])
    assert [n["rank"] for n in ranked] == list(range(len(ranked)))
    assert [degree[n["id"]] for n in ranked] == sorted(degree.values(), reverse=True)
    assert data["precomputed"] is False


def test_nodes_without_relations_are_shown_at_first_only_on_a_small_graph():
    small, large = load_view(parse(NEWS_TTL)), load_view(synthetic_graph(80, 90, seed=4))
    assert len(small.nodes) <= ISOLATED_SHOWN_UP_TO < len(large.nodes)
    assert page_data(small)["isolatedShown"] is True
    assert page_data(large)["isolatedShown"] is False
    assert any(n["degree"] == 0 for n in page_data(large)["nodes"])


def test_page_data_lists_what_each_node_said_and_what_others_said_about_it():
    graph = parse(NEWS_TTL)
    data = page_data(load_view(graph))
    nodes = {n["id"]: n for n in data["nodes"]}
    table = data["quotations"]
    rows = select(graph, """SELECT ?q ?text ?speaker WHERE { ?q a ng:Quotation ; schema:text ?text .
        OPTIONAL { ?q ng:speaker ?speaker } }""")
    assert sorted(q["text"] for q in table) == sorted(text for _, text, _ in rows)
    for _, text, speaker in rows:
        (entry,) = [q for q in table if q["text"] == text]
        if speaker is None:
            assert entry["speaker"] is None and entry["speakerLabel"] is None
        else:
            assert entry["speaker"] == speaker and table.index(entry) in nodes[speaker]["said"]
    heard_by_ukraine = {table[i]["text"] for i in nodes[UKRAINE]["heard"]}
    about_ukraine = {text for (text,) in select(graph, f"""SELECT ?text WHERE {{ ?q schema:about <{UKRAINE}> ;
        schema:text ?text }}""")}
    assert heard_by_ukraine == about_ukraine and len(about_ukraine) >= 3
    assert nodes[MORENO]["heard"] == []  # no one spoke about her
    assert all(t in data["times"] for q in table if (t := q["time"]))

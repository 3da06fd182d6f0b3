"""The network view: which nodes and edges the page draws, merged and cut as documented."""
from __future__ import annotations

from collections import Counter

import networkx as nx
import pytest
import rdflib

from newsgraph.errors import GraphError
from newsgraph.viz import load_view, read_graph
from newsgraph.viz.reader import MembershipFact
from newsgraph.viz.view import role_text
from newsgraph.viz.synthetic import synthetic_graph
from test_viz_fixtures import (
    BASE,
    NEWS_TTL,
    edge_key,
    event_keys,
    expected_edges,
    expected_nodes,
    parse,
    select,
    without_flags,
    write,
)

MORENO, LINDQVIST, OKAFOR = (BASE + "person/alia-moreno", BASE + "person/tomas-lindqvist", BASE + "person/nadia-okafor")


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    return parse(NEWS_TTL)


@pytest.mark.parametrize("places", [False, True], ids=["actors", "with-places"])
def test_view_draws_every_actor_and_each_distinct_relation_once(graph, places):
    view = load_view(graph, include_places=places)
    assert {n.id: n.type for n in view.nodes} == expected_nodes(graph, places)
    keys = [edge_key(e) for e in view.edges]
    assert len(keys) == len(set(keys))
    assert set(keys) == without_flags(expected_edges(graph, places))


def test_places_are_hidden_unless_asked_for(graph):
    assert not any(n.type == "Place" for n in load_view(graph).nodes)
    with_places = load_view(graph, include_places=True)
    place_ids = {n.id for n in with_places.nodes if n.type == "Place"}
    assert place_ids == {x for x, c in expected_nodes(graph, places=True).items() if c == "Place"}
    assert all(e.kind == "place" and e.target in place_ids for e in with_places.edges if e.target in place_ids)


def test_nodes_carry_canonical_name_aliases_and_mention_count(graph):
    view = load_view(graph)
    labels = dict(select(graph, "SELECT ?x ?l WHERE { ?x skos:prefLabel ?l }"))
    aliases: dict[str, set[str]] = {}
    for x, alias in select(graph, "SELECT ?x ?a WHERE { ?x skos:altLabel ?a }"):
        aliases.setdefault(x, set()).add(alias)
    mentions = Counter(x for (x,) in select(graph, "SELECT ?x WHERE { ?m a ng:Mention ; ng:refersTo ?x }"))
    for node in view.nodes:
        assert node.label == labels[node.id]
        assert set(node.aliases) == aliases.get(node.id, set())
        assert node.mentions == mentions[node.id]


def test_node_quotes_are_the_distinct_sentences_that_mention_it_with_their_source(graph):
    node = load_view(graph).node(MORENO)
    rows = select(graph, f"""SELECT DISTINCT ?s ?text WHERE {{
        ?m ng:refersTo <{MORENO}> ; nif:sentence ?s . ?s nif:anchorOf ?text }}""")
    assert sorted(q.text for q in node.quotes) == sorted(text for _, text in rows)
    in_blog = [q for q in node.quotes if "/post/" in q.source.iri]
    assert in_blog and all(q.source.link == "examples/live-blog.txt" for q in in_blog)
    article = [q for q in node.quotes if "/post/" not in q.source.iri]
    assert article and all(q.source.link.startswith("https://news.example/") for q in article)
    assert [q.source.published for q in node.quotes] == sorted(q.source.published for q in node.quotes)


def test_parallel_undirected_events_merge_into_one_edge_with_a_count(graph):
    view = load_view(graph)
    pair = frozenset((MORENO, LINDQVIST))
    consults = [e for e in view.edges if e.type == "CONSULT" and {e.source, e.target} == pair]
    expected = sum(1 for code, _, ends in event_keys(graph) if code == "CONSULT" and ends == pair)
    assert expected > 1  # the fixture has them in both directions
    assert len(consults) == 1
    (edge,) = consults
    assert (edge.count, edge.label, edge.directed) == (expected, f"CONSULT ×{expected}", False)
    assert len(edge.evidence) == expected
    assert {ev.extractor for ev in edge.evidence} == {"events.svo.v1"}
    assert all(ev.confidence is not None and 0 < ev.confidence <= 1 for ev in edge.evidence)


def test_directed_events_point_from_agent_to_target(graph):
    rows = select(graph, "SELECT ?type ?a ?t WHERE { ?e a ng:Event ; ng:eventType ?type ; ng:agent ?a ; ng:target ?t }")
    directed = {(code.rsplit("#", 1)[1], a, t) for code, a, t in rows if not code.endswith(("CONSULT", "COOPERATE"))}
    drawn = {(e.type, e.source, e.target) for e in load_view(graph).edges if e.kind == "event" and e.directed}
    assert drawn == directed
    assert all(e.label == e.type or e.label.startswith(e.type + " ") for e in load_view(graph).edges if e.kind == "event")


def test_negated_events_stay_apart_and_say_so(graph):
    negated = [e for e in load_view(graph).edges if e.modality == "negated"]
    expected = [k for k in event_keys(graph) if k[1] == "negated"]
    assert len(negated) == len(expected) > 0
    assert all(e.label.endswith("(negated)") for e in negated)


def test_role_edges_go_from_person_to_organisation_labelled_with_the_post(graph):
    view = load_view(graph)
    roles = {(e.source, e.target, e.label) for e in view.edges if e.kind == "role"}
    rows = select(graph, """SELECT ?p ?o ?label WHERE {
        ?m a org:Membership ; org:member ?p ; org:organization ?o ; org:role/skos:prefLabel ?label }""")
    assert roles == set(rows)
    assert all(view.node(s).type == "Person" and view.node(t).type in {"Organisation", "State"} for s, t, _ in roles)


def test_a_role_without_organisation_is_listed_on_the_person_not_drawn(graph):
    okafor = load_view(graph).node(OKAFOR)
    rows = select(graph, f"""SELECT ?label WHERE {{ ?m org:member <{OKAFOR}> ; org:role/skos:prefLabel ?label ;
        ng:former true . FILTER NOT EXISTS {{ ?m org:organization ?o }} }}""")
    assert rows
    for (label,) in rows:
        assert f"former {label}" in okafor.roles
        assert not any(label in e.label for e in load_view(graph).edges)


def test_max_nodes_keeps_the_most_connected_nodes_and_their_edges(graph):
    full = load_view(graph)
    degree = Counter()
    for e in full.edges:
        degree[e.source] += 1
        degree[e.target] += 1
    for n in (1, 3, 5):
        cut = load_view(graph, max_nodes=n)
        kept = {x.id for x in cut.nodes}
        assert len(kept) == n
        dropped = {x.id for x in full.nodes} - kept
        assert min(degree[x] for x in kept) >= max(degree[x] for x in dropped)
        assert {e.id for e in cut.edges} == {e.id for e in full.edges if e.source in kept and e.target in kept}
    assert load_view(graph, max_nodes=1000) == full


@pytest.mark.parametrize("hops", [0, 1, 2])
def test_focus_draws_the_ego_network_around_the_named_node(graph, hops):
    full = load_view(graph)
    undirected = nx.Graph()
    undirected.add_nodes_from(n.id for n in full.nodes)
    undirected.add_edges_from((e.source, e.target) for e in full.edges)
    reach = nx.single_source_shortest_path_length(undirected, OKAFOR, cutoff=hops)
    view = load_view(graph, focus="okafor", hops=hops)  # an alias, in another case
    assert {n.id for n in view.nodes} == set(reach)
    assert all(e.source in reach and e.target in reach for e in view.edges)


def test_focus_and_max_nodes_keep_the_focused_node():
    graph = synthetic_graph(60, 150, seed=3)
    quiet = min(load_view(graph).nodes, key=lambda n: (n.mentions, n.id))
    view = load_view(graph, focus=quiet.label, hops=3, max_nodes=2)
    assert quiet.id in {n.id for n in view.nodes}


def test_focus_on_an_unknown_name_lists_near_matches(graph):
    with pytest.raises(GraphError, match=r"no node named 'Lindqvst' in the graph; near matches: 'Tomas Lindqvist'"):
        load_view(graph, focus="Lindqvst")
    with pytest.raises(GraphError, match=r"run `newsgraph stats` to list the actors"):
        load_view(graph, focus="Zzyzx Quuxley")


def test_focus_on_a_hidden_place_says_to_add_places(graph):
    with pytest.raises(GraphError, match="add --places"):
        load_view(graph, focus="Brussels")
    assert {n.label for n in load_view(graph, focus="Brussels", hops=0, include_places=True).nodes} == {"Brussels"}


@pytest.mark.parametrize("kwargs", [{"max_nodes": 0}, {"hops": -1}])
def test_out_of_range_options_are_graph_errors(graph, kwargs):
    with pytest.raises(GraphError):
        load_view(graph, **kwargs)


def test_edge_times_are_event_timestamps_in_utc(graph):
    view = load_view(graph)
    stamps = {t for (t,) in select(graph, "SELECT ?t WHERE { ?e a ng:Event ; sem:hasTimeStamp ?t }")}
    event_times = {t for e in view.edges if e.kind == "event" for t in e.times}
    assert event_times == {rdflib.Literal(s, datatype=rdflib.XSD.dateTime).toPython().strftime("%Y-%m-%dT%H:%M:%SZ")
                           for s in stamps}


def test_the_view_is_the_same_from_the_oxigraph_store_and_from_memory(graph, tmp_path):
    from_file = read_graph(write(tmp_path))
    assert type(from_file.store).__name__ == "OxigraphStore"
    assert load_view(from_file) == load_view(graph)
    assert load_view(graph) == load_view(parse(NEWS_TTL))


@pytest.mark.parametrize("nodes,edges,seed", [(10, 20, 0), (50, 120, 1), (200, 600, 2)])
def test_synthetic_graph_has_exactly_the_asked_nodes_and_merged_edges(nodes, edges, seed):
    graph = synthetic_graph(nodes, edges, seed=seed)
    view = load_view(graph)
    assert (len(view.nodes), len(view.edges)) == (nodes, edges)
    assertions = len(select(graph, "SELECT ?x WHERE { { ?x a ng:Event } UNION { ?x a org:Membership } }"))
    assert sum(e.count for e in view.edges) == assertions > edges  # repeats became counts
    assert {e.id for e in view.edges} == {e.id for e in load_view(synthetic_graph(nodes, edges, seed=seed)).edges}


def test_synthetic_agent_only_events_add_no_edge_and_their_events_keep_to_the_shapes():
    from pyshacl import validate

    from newsgraph.resources import read_text

    plain, extra = synthetic_graph(30, 60, seed=6), synthetic_graph(30, 60, seed=6, agent_only=12)
    alone = select(extra, "SELECT ?e WHERE { ?e a ng:Event FILTER NOT EXISTS { ?e ng:target ?t } }")
    assert len(alone) == 12
    assert {e.id for e in load_view(extra).edges} == {e.id for e in load_view(plain).edges}
    shapes = rdflib.Graph().parse(data=read_text("shapes.ttl"), format="turtle")
    _, report, _ = validate(extra, shacl_graph=shapes, inference="none")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    focus = {report.value(r, sh.focusNode) for r in report.subjects(rdflib.RDF.type, sh.ValidationResult)}
    # (synthetic states carry no ISO codes and confidences are doubles: only the events are checked here)
    assert not {f for f in focus if "/event/" in str(f)}


def test_an_agent_only_event_is_listed_on_its_agents_node_and_never_an_edge(graph):
    rows = select(graph, """SELECT ?e ?a ?type ?text WHERE { ?e a ng:Event ; ng:agent ?a ; ng:eventType ?type ;
        prov:wasDerivedFrom/oa:hasTarget/nif:anchorOf ?text FILTER NOT EXISTS { ?e ng:target ?t } }""")
    assert rows
    view = load_view(graph)
    for event, agent, code, text in rows:
        (action,) = [a for a in view.node(agent).actions if a.id == event]
        assert action.type == code.rsplit("#", 1)[1]
        assert [ev.quote.text for ev in action.evidence] == [text]
    agents, alone_types = {a for _, a, _, _ in rows}, {code.rsplit("#", 1)[1] for _, _, code, _ in rows}
    assert not [e for e in view.edges if e.kind == "event" and e.type in alone_types and e.source in agents]
    assert sum(len(n.actions) for n in view.nodes) == len(rows)


def test_an_agent_only_event_carries_its_mode_sector_and_time_into_the_nodes_times(graph):
    ((agent, mode, sector),) = select(graph, """SELECT ?a ?m ?s WHERE { ?e a ng:Event ; ng:agent ?a ;
        ng:mode ?m ; ng:agentSector ?s FILTER NOT EXISTS { ?e ng:target ?t } }""")
    node = load_view(graph).node(agent)
    (action,) = node.actions
    assert (action.mode, action.sector) == (mode.split("-", 1)[1], sector.rsplit("#", 1)[1])
    assert action.time == action.times[0] == "2024-11-14T12:30:00Z"
    assert action.time in node.times


STAMPED = """<event/00000000000000d9> a ng:Event ; ng:eventType plover:ASSAULT ; ng:mode plover:ASSAULT-aerial ;
    ng:agent <state/RUS> ; ng:agentSector <https://w3id.org/newsgraph/sector#military> ;
    sem:hasTimeStamp "2024-11-14T12:30:00+00:00"^^xsd:dateTime ;"""
UNDATED = """<event/00000000000000d9> a ng:Event ; ng:eventType plover:RETREAT ;
    ng:agent <state/RUS> ; sem:hasPlace <place/brussels> ;"""


def test_an_agent_only_event_without_a_time_is_dated_by_its_evidence_and_adds_no_edge():
    assert STAMPED in NEWS_TTL
    view = load_view(parse(NEWS_TTL.replace(STAMPED, UNDATED)), include_places=True)
    russia = BASE + "state/RUS"
    (action,) = view.node(russia).actions
    assert (action.type, action.mode, action.place, action.time) == ("RETREAT", None, "Brussels", None)
    assert action.times == ("2024-11-14T12:30:00Z",)  # when post 2 of the live blog was published
    assert not [e for e in view.edges if e.type == "RETREAT" or (e.kind == "place" and e.source == russia)]


@pytest.mark.parametrize("role,flags,expected", [
    ("president-elect", {"elect": True}, "president-elect"),
    ("president", {"elect": True}, "president-elect"),
    ("president elect", {"elect": True}, "president elect"),
    ("former president", {"former": True}, "former president"),
    ("ex-president", {"former": True}, "ex-president"),
    ("president", {"former": True}, "former president"),
    ("minister-designate", {"nominated": True}, "minister-designate"),
    ("nominee for foreign minister", {"nominated": True}, "nominee for foreign minister"),
    ("foreign minister", {"nominated": True}, "foreign minister (nominee)"),
    ("prime minister", {"former": True, "elect": True}, "former prime minister-elect"),
])
def test_a_role_says_each_qualifier_once_even_when_its_name_already_has_it(role, flags, expected):
    membership = MembershipFact(iri="m", member="p", organisation=None, role=role, former=flags.get("former", False),
                                nominated=flags.get("nominated", False), elect=flags.get("elect", False),
                                as_of=None, evidence=())
    assert role_text(membership) == expected


def test_a_president_elect_role_edge_is_labelled_once(graph):
    membership = "<membership/00000000000000a1>"
    elected = NEWS_TTL.replace('<role/secretary-of-state> a org:Role ; skos:prefLabel "secretary of state"@en .',
                               '<role/secretary-of-state> a org:Role ; skos:prefLabel "president-elect"@en .')
    elected = elected.replace(f"""{membership} a org:Membership ; org:member <person/alia-moreno> ; org:organization <state/USA> ;
    org:role <role/secretary-of-state> ; ng:former false ; ng:nominated false ; ng:elect false ;""",
                              f"""{membership} a org:Membership ; org:member <person/alia-moreno> ; org:organization <state/USA> ;
    org:role <role/secretary-of-state> ; ng:former false ; ng:nominated false ; ng:elect true ;""")
    assert "ng:elect true" in elected and '"president-elect"' in elected
    view = load_view(parse(elected))
    (edge,) = [e for e in view.edges if e.kind == "role" and e.source == MORENO]
    assert edge.label == "president-elect"
    assert "president-elect — United States" in view.node(MORENO).roles

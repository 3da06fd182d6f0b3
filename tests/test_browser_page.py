"""The network page in a real headless Chromium: drawn, interactive, offline, inert.

Expected figures come from the fixture's Turtle through rdflib (see
test_viz_fixtures), never from the page's own data.
"""
from __future__ import annotations

import os
from datetime import timezone
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from browser_support import chromium_context, require_chromium, wait_until_ready
from newsgraph.analytics import graph_stats
from newsgraph.viz import write_page
from newsgraph.viz.pagedata import ISOLATED_SHOWN_UP_TO
from newsgraph.viz.synthetic import synthetic_graph
from test_viz_fixtures import (
    BASE,
    HOSTILE_CUE,
    HOSTILE_QUOTATION,
    HOSTILE_SENTENCE,
    HOSTILE_TTL,
    NEWS_TTL,
    UNDIRECTED,
    expected_edges,
    expected_nodes,
    parse,
    select,
)

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "tests" / "artifacts"
MORENO, LINDQVIST, OKAFOR = (BASE + "person/alia-moreno", BASE + "person/tomas-lindqvist", BASE + "person/nadia-okafor")


@pytest.fixture(scope="module")
def context():
    require_chromium()
    with chromium_context() as ctx:
        yield ctx


@pytest.fixture(scope="module")
def news_page_file(tmp_path_factory) -> Path:
    return write_page(parse(NEWS_TTL), tmp_path_factory.mktemp("page") / "graph.html", title="newsgraph test").path


class Opened:
    """A page opened from a file, with what it requested and complained about."""

    def __init__(self, context, path: Path) -> None:
        self.requests: list[str] = []
        self.routed: list[str] = []
        self.problems: list[str] = []
        context.route("**/*", self._route)
        self.page = context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.problems.append(m.text) if m.type in {"error", "warning"} else None)
        self.page.on("pageerror", lambda e: self.problems.append(str(e)))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        self.stats = wait_until_ready(self.page)

    def _route(self, route) -> None:
        self.routed.append(route.request.url)
        route.continue_()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def counts(self) -> tuple[int, int]:
        return tuple(self.js("() => [newsgraph.visibleNodes.length, newsgraph.visibleEdges.length]"))

    def dom_point(self, node_id: str) -> tuple[float, float]:
        box = self.page.locator("#network").bounding_box()
        point = self.js("(id) => newsgraph.network.canvasToDOM(newsgraph.network.getPositions([id])[id])", node_id)
        return box["x"] + point["x"], box["y"] + point["y"]

    def close(self, context) -> None:
        self.page.close()
        context.unroute("**/*")


@pytest.fixture
def opened(context, news_page_file):
    page = Opened(context, news_page_file)
    yield page
    page.close(context)


def test_page_draws_as_many_nodes_and_edges_as_the_graph_has(opened):
    graph = parse(NEWS_TTL)
    nodes, edges = len(expected_nodes(graph)), len(expected_edges(graph))
    assert opened.counts() == (nodes, edges)
    assert opened.js("() => Object.keys(newsgraph.network.getPositions()).length") == nodes
    assert opened.js("() => [newsgraph.nodes.length, newsgraph.edges.length]") == [nodes, edges]
    assert opened.stats["firstDraw"] > 0 and opened.stats["stabilized"] >= opened.stats["firstDraw"]
    assert opened.problems == []  # no script error, no Content-Security-Policy violation
    ARTIFACTS.mkdir(exist_ok=True)
    opened.page.screenshot(path=str(ARTIFACTS / "graph-page.png"))


def test_hovering_a_node_shows_its_aliases_and_the_sentences_that_mention_it(opened):
    graph = parse(NEWS_TTL)
    aliases = [a for (a,) in select(graph, f"SELECT ?a WHERE {{ <{MORENO}> skos:altLabel ?a }}")]
    sentences = {s for (s,) in select(graph, f"""SELECT DISTINCT ?s WHERE {{
        ?m ng:refersTo <{MORENO}> ; nif:sentence/nif:anchorOf ?s }}""")}
    opened.page.mouse.move(*opened.dom_point(MORENO))
    opened.page.wait_for_function("() => document.querySelector('#panel h2.title')?.textContent === 'Alia Moreno'")
    panel = opened.page.inner_text("#panel")
    assert aliases and all(alias in panel for alias in aliases)
    assert all(sentence in panel for sentence in sentences)
    assert "secretary of state" in panel and "open article" in panel


def test_clicking_an_edge_shows_its_evidence_with_extractor_and_confidence(opened):
    graph = parse(NEWS_TTL)
    evidence = select(graph, f"""SELECT ?text ?x ?c WHERE {{ ?e ng:eventType plover:CONSULT ;
        ng:agent ?a ; ng:target ?t ; prov:wasDerivedFrom ?ev . ?ev oa:hasTarget/nif:anchorOf ?text ; ng:extractor ?x ; ng:confidence ?c .
        FILTER(?a IN (<{MORENO}>, <{LINDQVIST}>) && ?t IN (<{MORENO}>, <{LINDQVIST}>)) }}""")
    (ax, ay), (bx, by) = opened.dom_point(MORENO), opened.dom_point(LINDQVIST)
    box = opened.page.locator("#network").bounding_box()
    x, y = (ax + bx) / 2, (ay + by) / 2
    hit = opened.js("(p) => [newsgraph.network.getNodeAt(p), newsgraph.network.getEdgeAt(p)]",
                    {"x": x - box["x"], "y": y - box["y"]})
    edge_id = opened.js(f"() => newsgraph.data.edges.find(e => e.label === 'CONSULT ×{len(evidence)}').id")
    assert hit == [None, edge_id]
    opened.page.mouse.click(x, y)
    opened.page.wait_for_function(f"() => document.querySelector('#panel h2.title')?.textContent === 'CONSULT ×{len(evidence)}'")
    panel = opened.page.inner_text("#panel")
    for text, extractor, confidence in evidence:
        assert text in panel
        assert f"{extractor} · confidence {float(confidence):g}" in panel


def test_an_agent_only_event_shows_in_its_agents_panel_and_follows_the_time_range(opened):
    graph = parse(NEWS_TTL)
    ((agent, code, mode, text),) = select(graph, """SELECT ?a ?type ?mode ?text WHERE { ?e a ng:Event ;
        ng:agent ?a ; ng:eventType ?type ; ng:mode ?mode ; prov:wasDerivedFrom/oa:hasTarget/nif:anchorOf ?text
        FILTER NOT EXISTS { ?e ng:target ?t } }""")
    label = select(graph, f"SELECT ?l WHERE {{ <{agent}> skos:prefLabel ?l }}")[0][0]
    opened.page.mouse.move(*opened.dom_point(agent))
    opened.page.wait_for_function(f"() => document.querySelector('#panel h2.title')?.textContent === {label!r}")
    panel = opened.page.inner_text("#panel")
    assert "events without a target" in panel.lower()  # (headings are upper-cased by CSS)
    assert f"{code.rsplit('#', 1)[1]} · {mode.split('-', 1)[1]} · by the military" in panel
    assert text in panel
    assert opened.counts() == (len(expected_nodes(graph)), len(expected_edges(graph)))  # and no edge for it
    opened.js("() => { const to = document.getElementById('time-to'); to.value = '0';"
              " to.dispatchEvent(new Event('input')); }")
    opened.js("(id) => newsgraph.showNode(id)", agent)
    assert "events without a target" not in opened.page.inner_text("#panel").lower()


def test_entity_type_filter_hides_those_nodes_and_their_edges(opened):
    graph = parse(NEWS_TTL)
    nodes = expected_nodes(graph)
    kept = {x for x, cls in nodes.items() if cls != "Person"}
    edges = [k for k in expected_edges(graph) if all(x in kept for x in _ends(k))]
    opened.page.click("input[data-filter='type:Person']")
    assert opened.counts() == (len(kept), len(edges))
    assert len(kept) < len(nodes) and len(edges) < len(expected_edges(graph))
    opened.page.click("input[data-filter='type:Person']")
    assert opened.counts() == (len(nodes), len(expected_edges(graph)))


def test_event_type_filter_hides_only_those_events(opened):
    graph = parse(NEWS_TTL)
    edges = expected_edges(graph)
    others = [k for k in edges if not (k[0] == "event" and k[1] == "CONSULT")]
    opened.page.click("input[data-filter='event:CONSULT']")
    assert opened.counts() == (len(expected_nodes(graph)), len(others))
    assert len(others) < len(edges)


def test_time_range_shows_the_story_as_it_stood_at_the_first_moment(opened):
    graph = parse(NEWS_TTL)
    first, nodes, edges = _as_of_first_moment(graph)
    opened.js("() => { const to = document.getElementById('time-to'); to.value = '0';"
              " to.dispatchEvent(new Event('input')); }")
    assert opened.page.inner_text("#time-to-label").startswith(first[:10] + " " + first[11:16])
    assert opened.counts() == (len(nodes), len(edges))
    assert 0 < len(nodes) < len(expected_nodes(graph))


def test_play_unfolds_the_story_one_moment_at_a_time(opened):
    graph = parse(NEWS_TTL)
    _, nodes, edges = _as_of_first_moment(graph)
    opened.page.click("#play")
    assert opened.js("() => document.getElementById('time-to').value") == "0"
    assert opened.counts() == (len(nodes), len(edges))
    opened.page.wait_for_function("() => document.getElementById('time-to').value === '1'", timeout=5000)
    assert opened.counts()[0] >= len(nodes) and opened.counts()[1] > len(edges)  # the aid pledged next
    last = opened.js("() => newsgraph.data.times.length - 1")
    opened.page.wait_for_function(f"() => document.getElementById('time-to').value === '{last}'", timeout=10000)
    opened.page.wait_for_function("() => document.getElementById('play').textContent.includes('play')", timeout=5000)
    assert opened.counts() == (len(expected_nodes(graph)), len(expected_edges(graph)))


def test_search_selects_and_zooms_to_a_node_by_alias(opened):
    scale = opened.js("() => newsgraph.network.getScale()")
    opened.page.fill("#search-box", "okafor")
    opened.page.press("#search-box", "Enter")
    assert opened.js("() => newsgraph.network.getSelectedNodes()") == [OKAFOR]
    assert opened.page.inner_text("#panel h2.title") == "Nadia Okafor"
    opened.page.wait_for_function(f"() => Math.abs(newsgraph.network.getScale() - {scale}) > 0.01")
    opened.page.fill("#search-box", "nobody at all")
    opened.page.press("#search-box", "Enter")
    assert "no node named" in opened.page.inner_text("#status")


def test_the_page_requests_nothing_but_its_own_file(opened):
    opened.page.mouse.move(*opened.dom_point(LINDQVIST))
    opened.page.click("input[data-filter='type:State']")
    opened.page.fill("#search-box", "NATO")
    opened.page.press("#search-box", "Enter")
    opened.page.wait_for_timeout(300)
    assert opened.requests == [opened.url]
    assert all(url == opened.url for url in opened.routed)
    assert not [u for u in opened.requests + opened.routed if u.startswith(("http:", "https:"))]


def test_hostile_article_text_is_shown_as_text_and_runs_nothing(context, tmp_path):
    path = write_page(parse(HOSTILE_TTL), tmp_path / "hostile.html", title="<script>window.__xss=6</script>").path
    hostile = Opened(context, path)
    try:
        eve = BASE + "person/eve-example"
        hostile.page.mouse.move(*hostile.dom_point(eve))
        hostile.page.wait_for_function("() => document.querySelector('#panel h2.title')?.textContent === 'Eve Example'")
        panel = hostile.page.inner_text("#panel")
        assert HOSTILE_SENTENCE in panel
        assert "Eve <b onmouseover='window.__xss=3'>E</b>" in panel
        assert "</script><script>window.__xss=4</script>" in panel
        assert f"\u201c{HOSTILE_QUOTATION}\u201d" in panel  # the quotation's words and its cue, as text
        assert f"quoted · {HOSTILE_CUE}" in panel
        hostile.page.hover("#panel blockquote.direct")
        hostile.page.mouse.move(5, 5)
        hostile.page.hover("#panel li")  # would fire an injected onmouseover
        edge = hostile.js("() => newsgraph.edges.getIds()[0]")
        hostile.js("(id) => newsgraph.showEdge(id)", edge)
        assert HOSTILE_SENTENCE in hostile.page.inner_text("#panel")
        assert "according to Eve Example" in hostile.page.inner_text("#panel")
        assert hostile.js("() => window.__xss") is None
        assert hostile.js("() => document.querySelectorAll('img, #panel script, #panel b, #panel a').length") == 0
        assert hostile.js("() => Array.from(document.links).map(a => a.href)") == []
        assert hostile.page.title() == "<script>window.__xss=6</script>"
        assert not [p for p in hostile.problems if "Content Security Policy" not in p]
    finally:
        hostile.close(context)


def _label_of(graph, iri: str) -> str:
    return select(graph, f"SELECT ?l WHERE {{ <{iri}> skos:prefLabel ?l }}")[0][0]


def test_a_speakers_panel_lists_their_quotations_with_cue_time_and_source(opened):
    graph = parse(NEWS_TTL)
    rows = select(graph, f"""SELECT ?text ?cue ?direct ?headline ?published WHERE {{ ?q ng:speaker <{MORENO}> ;
        schema:text ?text ; ng:cue ?cue ; ng:direct ?direct ; prov:wasDerivedFrom/schema:isPartOf ?part .
        ?part schema:headline ?headline ; schema:datePublished ?published }}""")
    assert rows
    opened.page.mouse.move(*opened.dom_point(MORENO))
    opened.page.wait_for_function("() => document.querySelector('#panel h2.title')?.textContent === 'Alia Moreno'")
    panel = opened.page.inner_text("#panel")
    assert "quotations" in panel.lower()
    for text, cue, direct, headline, published in rows:
        assert direct == "true" and f"\u201c{text}\u201d" in panel
        assert f"quoted · {cue} · {headline} · {_utc(published)[:10]} {_utc(published)[11:16]} UTC" in panel
    assert "about Ukraine" in panel


def test_a_nodes_panel_lists_what_others_said_about_it_even_an_unnamed_source(opened):
    graph = parse(NEWS_TTL)
    ukraine = BASE + "state/UKR"
    rows = select(graph, f"""SELECT ?text ?speaker WHERE {{ ?q schema:about <{ukraine}> ; schema:text ?text .
        OPTIONAL {{ ?q ng:speaker/skos:prefLabel ?speaker }} }}""")
    opened.js("(id) => newsgraph.showNode(id)", ukraine)
    panel = opened.page.inner_text("#panel")
    assert "quoted about ukraine" in panel.lower()
    for text, speaker in rows:
        assert text in panel
        assert (speaker or "an unnamed source") in panel


def test_the_quotation_filter_and_the_time_range_choose_the_quotations_listed(opened):
    graph = parse(NEWS_TTL)
    ((text,),) = select(graph, f"SELECT ?t WHERE {{ ?q ng:speaker <{OKAFOR}> ; schema:text ?t ; ng:direct false }}")
    listed = "() => Array.from(document.querySelectorAll('#panel li.quotation blockquote')).map(b => b.textContent)"
    opened.js("(id) => newsgraph.showNode(id)", OKAFOR)
    assert opened.js(listed) == [text]
    opened.page.click("input[data-filter='quotations:reported']")
    opened.js("(id) => newsgraph.showNode(id)", OKAFOR)
    assert opened.js(listed) == [] and "quotations" not in opened.page.inner_text("#panel").lower()
    opened.page.click("input[data-filter='quotations:reported']")
    opened.js("(id) => newsgraph.showNode(id)", OKAFOR)
    assert opened.js(listed) == [text]
    opened.js("() => { const to = document.getElementById('time-to'); to.value = '0';"
              " to.dispatchEvent(new Event('input')); }")
    opened.js("(id) => newsgraph.showNode(id)", OKAFOR)  # she spoke after the first moment
    assert opened.js(listed) == []


def test_an_edge_stated_in_a_quotation_says_according_to_whom(opened):
    graph = parse(NEWS_TTL)
    rows = select(graph, """SELECT ?type ?speaker WHERE { ?e ng:eventType ?type ; ng:target ?t ;
        ng:accordingTo/ng:speaker/skos:prefLabel ?speaker }""")
    assert rows
    for code, speaker in rows:
        code = code.rsplit("#", 1)[1]
        edge = opened.js("(code) => newsgraph.data.edges.find(e => e.type === code).id", code)
        opened.js("(id) => newsgraph.showEdge(id)", edge)
        assert f"according to {speaker}" in opened.page.inner_text("#panel")


def _communities_by_id(graph) -> list[set[str]]:
    """The communities `newsgraph stats` reports, as sets of IRIs (labels are unique in the fixture)."""
    iri = {label: x for x, label in select(graph, "SELECT ?x ?l WHERE { ?x skos:prefLabel ?l }")}
    return [{iri[label] for label in c["members"]} for c in graph_stats(graph, top=1000)["communities"]]


def test_the_communities_view_colours_each_community_and_collapses_it_into_one_node(opened):
    graph = parse(NEWS_TTL)
    communities = _communities_by_id(graph)
    assert len(communities) >= 2
    opened.page.click("input[data-filter='colour:community']")
    colour = opened.js("() => Object.fromEntries(newsgraph.nodes.get().map(n => [n.id, n.color.background]))")
    fills = [{colour[m] for m in c} for c in communities]
    assert all(len(f) == 1 for f in fills) and len(set.union(*fills)) == len(communities)
    grey = opened.js("() => newsgraph.data.styles.noCommunity")
    outside = set(expected_nodes(graph)) - set.union(*communities)
    assert outside and all(colour[x] == grey for x in outside)

    opened.page.click("input[data-filter='collapse']")
    drawn = set(opened.js("() => newsgraph.visibleNodes.getIds()"))
    groups = {x for x in drawn if x.startswith("community:")}
    assert len(groups) == len(communities) and drawn - groups == outside
    group_of = {m: i for i, c in enumerate(communities) for m in c}
    between = {frozenset(group_of[x] for x in _ends(k)) for k in expected_edges(graph)}
    between = {pair for pair in between if len(pair) == 2}
    assert opened.counts() == (len(communities) + len(outside), len(between))
    members = opened.js("() => newsgraph.data.communities[0].members")
    opened.page.click("#community-list button[data-community='0']")  # expand the largest again
    drawn = set(opened.js("() => newsgraph.visibleNodes.getIds()"))
    assert set(members) <= drawn and "community:0" not in drawn
    opened.page.click("input[data-filter='collapse']")
    opened.page.click("input[data-filter='collapse']")
    assert opened.counts() == (len(expected_nodes(graph)), len(expected_edges(graph)))


@pytest.fixture(scope="module")
def story_graph():
    """A graph the size of a real story (120 actors, quotations), where nodes without relations start hidden."""
    return synthetic_graph(120, 110, seed=1, quotations=40)


@pytest.fixture(scope="module")
def story_page_file(tmp_path_factory, story_graph) -> Path:
    return write_page(story_graph, tmp_path_factory.mktemp("story") / "story.html", title="story").path


def _neighbours(graph) -> dict[str, set[str]]:
    found = {x: set() for x in expected_nodes(graph)}
    for key in expected_edges(graph):
        a, b = _ends(key)
        found[a].add(b)
        found[b].add(a)
    return found


def test_nodes_without_relations_are_hidden_on_a_large_graph_until_asked_for(context, story_page_file, story_graph):
    neighbours = _neighbours(story_graph)
    alone = {x for x, n in neighbours.items() if not n}
    page = Opened(context, story_page_file)
    try:
        assert alone
        assert page.counts() == (len(neighbours) - len(alone), len(expected_edges(story_graph)))
        assert not alone & set(page.js("() => newsgraph.visibleNodes.getIds()"))
        page.page.click("input[data-filter='isolated']")
        assert page.counts() == (len(neighbours), len(expected_edges(story_graph)))
        at = page.js("() => newsgraph.network.getPositions()")
        assert min(at[x]["y"] for x in alone) > max(at[x]["y"] for x in neighbours if x not in alone)  # in rows below
        assert page.problems == []
    finally:
        page.close(context)


# Every drawn node's label as vis-network holds it; the box (canvas units) is
# measured when vis-network draws the node, so only nodes in view have one.
LABELS_JS = """() => {
  const net = newsgraph.network, scale = net.getScale(), canvas = net.canvas.frame.canvas;
  net.redraw();
  const lo = net.DOMtoCanvas({ x: 0, y: 0 }), hi = net.DOMtoCanvas({ x: canvas.clientWidth, y: canvas.clientHeight });
  const at = net.getPositions();
  return newsgraph.visibleNodes.getIds().map(id => {
    const o = net.body.nodes[id].options, size = net.body.nodes[id].labelModule.size, p = at[id];
    return { id: id, label: o.label, screen: o.font.size * scale, colour: o.font.color,
             threshold: o.scaling.label.drawThreshold, scaled: o.scaling.label.enabled,
             inView: p.x > lo.x && p.x < hi.x && p.y > lo.y && p.y < hi.y,
             box: [size.left, size.top + (o.font.vadjust || 0), size.width, size.height] };
  });
}"""


def test_labels_at_the_opening_zoom_are_legible_ranked_and_never_overlap(context, story_page_file, story_graph):
    neighbours = _neighbours(story_graph)
    page = Opened(context, story_page_file)
    try:
        page.page.wait_for_timeout(100)
        nodes = page.js(LABELS_JS)
        assert all(n["inView"] for n in nodes)  # the opening zoom fits the graph
        shown = [n for n in nodes if n["label"]]
        hidden = [n for n in nodes if not n["label"]]
        assert len(shown) >= 20
        for n in shown:  # 13 px or more on screen, dark, never in vis-network's fading range
            assert n["screen"] >= 12.9 and n["screen"] > n["threshold"] + 1 and n["colour"] == "#1d232a"
            assert n["scaled"] is False
        hub = max(nodes, key=lambda n: (len(neighbours[n["id"]]), n["id"]))
        assert hub["label"]
        def mean_degree(group):
            return sum(len(neighbours[n["id"]]) for n in group) / max(len(group), 1)

        assert mean_degree(shown) > mean_degree(hidden)
        for i, a in enumerate(shown):
            ax, ay, aw, ah = a["box"]
            for b in shown[i + 1:]:
                bx, by, bw, bh = b["box"]
                assert not (ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah), (a["label"], b["label"])
        edge_labels = page.js("() => newsgraph.visibleEdges.get().map(e => e.label)")
        assert edge_labels and all(label == "" for label in edge_labels)  # edge labels only on demand
        page.js("(id) => newsgraph.focusName(newsgraph.data.nodes.find(n => n.id === id).label)", hub["id"])
        page.page.wait_for_function("() => newsgraph.network.getScale() === 1.3")
        page.js("() => newsgraph.placeLabels()")
        labelled = page.js("""(id) => { const net = newsgraph.network, scale = net.getScale(); net.redraw();
            return net.getConnectedEdges(id).map(e => { const o = net.body.edges[e].options, s = net.body.edges[e].labelModule.size;
                return [o.label, newsgraph.data.edges.find(d => d.id === e).label, o.font.size * scale,
                        [s.left, s.top, s.width, s.height]]; }); }""", hub["id"])
        shown_edges = [row for row in labelled if row[0]]
        assert len(shown_edges) >= len(labelled) / 2  # the selected node's edges, as many as fit
        assert all(text == wanted and abs(size - 12) < 0.01 for text, wanted, size, _ in shown_edges)
        boxes = [row[3] for row in shown_edges] + [n["box"] for n in page.js(LABELS_JS) if n["label"] and n["inView"]]
        for i, (ax, ay, aw, ah) in enumerate(boxes):
            for bx, by, bw, bh in boxes[i + 1:]:
                assert not (ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah)
        assert page.problems == []
    finally:
        page.close(context)


def test_the_timeline_counts_events_and_quotations_and_follows_the_time_range(opened):
    graph = parse(NEWS_TTL)
    stamps = select(graph, """SELECT DISTINCT ?type ?a ?t ?mod ?stamp WHERE { ?e a ng:Event ; ng:eventType ?type ;
        ng:agent ?a ; sem:hasTimeStamp ?stamp OPTIONAL { ?e ng:target ?t } OPTIONAL { ?e ng:modality ?mod } }""")
    moments = set()
    for code, agent, target, mode, stamp in stamps:  # one per merged edge and moment, as the edge keeps them
        code = code.rsplit("#", 1)[1]
        ends = (agent,) if target is None else frozenset((agent, target)) if code in UNDIRECTED else (agent, target)
        moments.add((code, mode, ends, _utc(stamp)))
    quoted = select(graph, """SELECT ?q WHERE { ?q a ng:Quotation . { ?q ng:reportedAt ?t } UNION
        { ?q prov:wasDerivedFrom/schema:isPartOf/schema:datePublished ?t } }""")
    counts = opened.js("""() => { const c = { events: 0, quotes: 0 };
        document.querySelectorAll('#timeline-bars .bar').forEach(b => c[b.dataset.kind] += Number(b.dataset.count));
        return c; }""")
    assert opened.js("() => document.getElementById('timeline').hidden") is False
    assert counts == {"events": len(moments), "quotes": len({q for (q,) in quoted})}
    assert opened.js("() => document.querySelectorAll('#timeline-bars .bar.out').length") == 0
    opened.js("() => { const to = document.getElementById('time-to'); to.value = '0'; to.dispatchEvent(new Event('input')); }")
    assert opened.js("() => document.querySelectorAll('#timeline-bars .bar.out').length") > 0
    last = opened.js("() => newsgraph.data.times.length - 1")
    box = opened.page.locator("#timeline-bars").bounding_box()
    opened.page.mouse.click(box["x"] + box["width"] - 2, box["y"] + box["height"] - 2)
    assert opened.js("() => [document.getElementById('time-from').value, document.getElementById('time-to').value]") \
        == [str(last), str(last)]


@pytest.mark.slow
def test_a_real_build_of_the_examples_writes_a_page_that_opens(tmp_path, request, monkeypatch):
    try:
        import newsgraph.pipeline  # noqa: F401
    except ImportError as error:
        pytest.skip(f"newsgraph.pipeline cannot be imported yet ({error}): the build is still being written")
    from newsgraph.cli import main

    out = tmp_path / "build"
    monkeypatch.chdir(REPO)  # as a user runs it, so sources read "examples/…"
    result = CliRunner().invoke(main, ["build", "examples/", "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert (out / "graph.html").is_file()
    graph = rdflib.Graph().parse(out / "graph.ttl")
    context = request.getfixturevalue("context")  # skips here, after the build, without Chromium
    page = Opened(context, out / "graph.html")
    try:
        linked = {x for x, n in _neighbours(graph).items() if n}
        shown = len(expected_nodes(graph)) if len(expected_nodes(graph)) <= ISOLATED_SHOWN_UP_TO else len(linked)
        assert page.counts() == (shown, len(expected_edges(graph)))
        assert page.counts()[0] > 0 and page.problems == []
        if os.environ.get("NEWSGRAPH_DOCS_SCREENSHOT"):  # refresh the README's picture on purpose only
            hub = page.js("() => newsgraph.data.nodes.slice().sort((a, b) => b.degree - a.degree)[0].id")
            page.page.mouse.move(*page.dom_point(hub))
            page.page.wait_for_timeout(300)
            page.page.screenshot(path=str(REPO / "docs" / "img" / "graph-page.png"))
    finally:
        page.close(context)


def _ends(key: tuple) -> tuple:
    if key[0] == "event":
        return tuple(key[3])
    return key[1], key[2]


def _utc(literal: str) -> str:
    value = rdflib.Literal(literal, datatype=rdflib.XSD.dateTime).toPython()
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _as_of_first_moment(graph) -> tuple[str, set[str], set[tuple]]:
    """The earliest time the graph knows, and the nodes and edges known at that time.

    A node is known from its mentions' publication time (the post's, else its
    document's); an event from its timestamp; a role from ng:asOf, else its
    evidence's publication time. Edges need both ends known.
    """
    published = """OPTIONAL { ?part schema:datePublished ?own }
                   OPTIONAL { ?part schema:isPartOf ?doc . ?doc schema:datePublished ?parent }
                   BIND(COALESCE(?own, ?parent) AS ?when)"""
    mentions = select(graph, f"SELECT ?x ?when WHERE {{ ?m ng:refersTo ?x ; schema:isPartOf ?part . {published} }}")
    events = select(graph, """SELECT ?type ?a ?t ?mod ?stamp WHERE { ?e a ng:Event ; ng:eventType ?type ;
        ng:agent ?a ; ng:target ?t ; sem:hasTimeStamp ?stamp . OPTIONAL { ?e ng:modality ?mod } }""")
    roles = select(graph, f"""SELECT ?p ?o ?label ?as ?when WHERE {{ ?m a org:Membership ; org:member ?p ;
        org:organization ?o ; org:role/skos:prefLabel ?label . OPTIONAL {{ ?m ng:asOf ?as }}
        OPTIONAL {{ ?m prov:wasDerivedFrom/schema:isPartOf ?part . {published} }} }}""")
    first = min([_utc(w) for _, w in mentions] + [_utc(row[-1]) for row in events])
    nodes = {x for x, w in mentions if _utc(w) == first and x in expected_nodes(graph)}
    edges: set[tuple] = set()
    for code, agent, target, mode, stamp in events:
        code = code.rsplit("#", 1)[1]
        if _utc(stamp) == first and agent in nodes and target in nodes:
            ends = frozenset((agent, target)) if code in UNDIRECTED else (agent, target)
            edges.add(("event", code, (mode or "#Asserted").rsplit("#", 1)[1].lower(), ends))
    for person, body, label, as_of, when in roles:
        if _utc(as_of or when) == first and person in nodes and body in nodes:
            edges.add(("role", person, body, label))
    return first, nodes, edges

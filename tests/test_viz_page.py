"""The HTML page as a file: self-contained, nothing external, article text kept inert."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.errors import GraphError
from newsgraph.viz import load_view, write_page
from newsgraph.viz.page import MAX_QUOTES, SCRIPT_PARTS, VIS_PATH, json_for_script, page_script, script_safe
from newsgraph.viz.synthetic import synthetic_graph
from test_viz_fixtures import HOSTILE_SENTENCE, HOSTILE_TTL, NEWS_TTL, expected_edges, expected_nodes, parse


class _Scripts(HTMLParser):
    """Collect script elements (attributes and text) and every src/href attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict, str]] = []
        self.links: list[str] = []
        self.meta: list[dict] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.links += [v for k, v in attrs.items() if k in {"src", "href", "action", "data", "poster"} and v]
        if tag == "meta":
            self.meta.append(attrs)
        if tag == "script":
            self._open = attrs
            self.scripts.append((attrs, ""))

    def handle_data(self, data):
        if self._open is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._open = None


def _page(tmp_path: Path, text: str = NEWS_TTL, **kwargs) -> tuple[str, _Scripts]:
    out = write_page(parse(text), tmp_path / "graph.html", **kwargs).path
    html = out.read_text(encoding="utf-8")
    parser = _Scripts()
    parser.feed(html)
    return html, parser


def _data(parser: _Scripts) -> dict:
    (text,) = [body for attrs, body in parser.scripts if attrs.get("type") == "application/json"]
    return json.loads(text)


def test_the_page_requests_nothing_from_outside(tmp_path):
    html, parser = _page(tmp_path)
    assert parser.links == []  # no src or href at all in the markup
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", html, re.IGNORECASE)
    assert not re.search(r"<link\b|@import|url\(\s*['\"]?(?:https?:)?//", html, re.IGNORECASE)
    assert all("src" not in attrs for attrs, _ in parser.scripts)


def test_vis_network_is_inlined_from_the_pyvis_package(tmp_path):
    asset = resources.files("pyvis").joinpath(*VIS_PATH)
    assert asset.is_file()
    _, parser = _page(tmp_path)
    code = [body for attrs, body in parser.scripts if not attrs]
    assert any(script_safe(asset.read_text(encoding="utf-8")) == body for body in code)


def test_the_content_security_policy_allows_exactly_the_inline_scripts(tmp_path):
    _, parser = _page(tmp_path)
    (policy,) = [m["content"] for m in parser.meta if m.get("http-equiv") == "Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'" and directives["connect-src"] == "'none'"
    allowed = set(directives["script-src"].split())
    bodies = [body for attrs, body in parser.scripts if not attrs]
    hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(b.encode("utf-8")).digest()).decode() + "'" for b in bodies}
    assert len(bodies) == 2 and allowed == hashes


def test_the_data_holds_every_node_and_edge_of_the_graph(tmp_path):
    graph = parse(NEWS_TTL)
    _, parser = _page(tmp_path)
    data = _data(parser)
    assert {n["id"] for n in data["nodes"]} == set(expected_nodes(graph))
    assert len(data["edges"]) == len(expected_edges(graph))
    sentences = graph.query("SELECT ?t WHERE { ?s a nif:Sentence ; nif:anchorOf ?t }",
                            initNs={"nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"})
    assert {q["text"] for q in data["quotes"]} == {str(t) for (t,) in sentences}


def test_article_text_cannot_close_the_script_element(tmp_path):
    html, parser = _page(tmp_path, HOSTILE_TTL, title="</title><script>window.__xss=9</script>")
    assert len(parser.scripts) == 3  # data, vis-network, the page script: nothing injected
    assert "<script>window.__xss" not in html
    assert "<img src=x" not in html
    data = _data(parser)
    assert HOSTILE_SENTENCE in {q["text"] for q in data["quotes"]}
    assert "</script><script>window.__xss=4</script>" in {s["headline"] for s in data["sources"]}
    assert "&lt;/title&gt;&lt;script&gt;" in html  # the title is escaped where it is markup


@given(st.text())
def test_json_for_script_round_trips_and_never_contains_markup(text):
    encoded = json_for_script({"text": text})
    assert json.loads(encoded) == {"text": text}
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded


@given(st.text(alphabet="</scriptSCRIPT!-> x"))
def test_script_safe_leaves_no_closing_tag(code):
    assert not re.search(r"</script|<!--", script_safe(code), re.IGNORECASE)


def test_quotes_per_node_are_capped_but_counted(tmp_path):
    graph = synthetic_graph(8, 60, seed=5, repeats=1.0)
    busiest = max(load_view(graph).nodes, key=lambda n: len(n.quotes))
    assert len(busiest.quotes) > MAX_QUOTES
    out = write_page(graph, tmp_path / "g.html").path
    parser = _Scripts()
    parser.feed(out.read_text(encoding="utf-8"))
    node = next(n for n in _data(parser)["nodes"] if n["id"] == busiest.id)
    assert (len(node["quotes"]), node["sentences"]) == (MAX_QUOTES, len(busiest.quotes))


def test_write_page_creates_the_folder_and_reports_unwritable_paths(tmp_path):
    out = write_page(parse(NEWS_TTL), tmp_path / "a" / "b" / "graph.html").path
    assert out.is_file()
    (tmp_path / "taken").mkdir()
    with pytest.raises(GraphError, match=r"cannot write the page to '.*taken'"):
        write_page(parse(NEWS_TTL), tmp_path / "taken")


def test_page_options_reach_the_drawn_data(tmp_path):
    graph = parse(NEWS_TTL)
    _, parser = _page(tmp_path, include_places=True)
    assert {n["id"] for n in _data(parser)["nodes"]} == set(expected_nodes(graph, places=True))
    _, parser = _page(tmp_path, max_nodes=2)
    assert len(_data(parser)["nodes"]) == 2


def test_the_same_graph_gives_the_same_page_byte_for_byte(tmp_path):
    first = write_page(parse(NEWS_TTL), tmp_path / "one.html").path.read_bytes()
    second = write_page(parse(NEWS_TTL), tmp_path / "two.html").path.read_bytes()
    assert first == second


def test_the_data_lists_an_agent_only_event_on_its_agents_node_with_its_sentence_and_time(tmp_path):
    graph = parse(NEWS_TTL)
    rows = graph.query("""SELECT ?a ?text ?time WHERE { ?e a ng:Event ; ng:agent ?a ; sem:hasTimeStamp ?time ;
        prov:wasDerivedFrom/oa:hasTarget/nif:anchorOf ?text FILTER NOT EXISTS { ?e ng:target ?t } }""", initNs={
        "ng": "https://w3id.org/newsgraph/ontology#", "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
        "prov": "http://www.w3.org/ns/prov#", "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
        "oa": "http://www.w3.org/ns/oa#"})
    ((agent, text, _),) = list(rows)
    _, parser = _page(tmp_path)
    data = _data(parser)
    (node,) = [n for n in data["nodes"] if n["id"] == str(agent)]
    (action,) = node["actions"]
    assert node["actionTotal"] == 1
    assert (action["type"], action["mode"], action["sector"], action["modality"]) == ("ASSAULT", "aerial", "military", "asserted")
    assert [data["quotes"][q]["text"] for q in action["evidence"]] == [str(text)]
    assert action["times"] and set(action["times"]) <= set(data["times"]) and set(action["times"]) <= set(node["times"])
    assert all(e["from"] != e["to"] and e["type"] != "ASSAULT" for e in data["edges"])


def test_the_page_script_never_inserts_markup():
    script = page_script()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "setAttribute(\"on"):
        assert sink not in script, sink
    # Agent-only events and quotations are written as text.
    assert 'el("p", { class: "what", text: actionLine(a) })' in script
    assert 'el("blockquote", { class: q.direct ? "direct" : "reported",' in script


def test_the_page_script_is_every_part_in_one_strict_function():
    script = page_script()
    parts = [resources.files("newsgraph.viz").joinpath("templates", name).read_text(encoding="utf-8") for name in SCRIPT_PARTS]
    assert script.startswith('(function () {\n"use strict";') and script.rstrip().endswith("})();")
    assert all(part in script for part in parts)

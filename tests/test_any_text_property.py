"""Property: any text — surrogates, control characters, RTL, emoji, markup — builds a
graph that re-parses (rdflib and Oxigraph) and conforms to the SHACL shapes."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.slow

PIECES = [
    "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi on Monday.",
    "الرئيس المصري عبد الفتاح السيسي", "ראש הממשלה בנימין נתניהו", "\u202eevil\u202c", "🇺🇦🔥👩‍👩‍👧",
    "<script>alert(1)</script>", "]]><!--", '"""', "'''", "\\u0000", "@prefix x: <y> .", "<http://a b>",
    "\x00", "\x1b]8;;http://evil.example/\x07", "\x07", "\ud800", "\udfff", "\r\n", "\n\n", "\t", "\u2028",
    "Jane Doe13 November 2024 10:24", "Jane Doe1 January 0001 10:24", "By Ann Lee", "Your support matters.",
    "Mr. O'Brien-Smith", "U.S.", "Zürich", "İstanbul", "ǅ", "\ufeff", "\ufffe", "\U0010ffff",
]

texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(alphabet=st.characters(), max_size=40)),
    min_size=1, max_size=12,
).map(" ".join)


@pytest.fixture(scope="module")
def shapes():
    from rdflib import Graph

    from newsgraph.resources import read_text

    return Graph().parse(data=read_text("shapes.ttl"), format="turtle")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, title=st.one_of(st.none(), st.sampled_from(PIECES)))
def test_any_text_builds_a_graph_that_reparses_and_conforms(tmp_path_factory, shapes, text, title):
    import pyoxigraph
    from pyshacl import validate
    from rdflib import Graph

    from newsgraph.pipeline import build

    folder = tmp_path_factory.mktemp("any")
    record = {"text": text or "x"} | ({"title": title} if title else {})
    (folder / "a.jsonl").write_text(json.dumps(record) + "\n", encoding="ascii")  # surrogates as \ud800 escapes
    (folder / "b.txt").write_bytes(text.encode("utf-8", "surrogatepass"))
    out = folder / "out"
    warnings: list[str] = []
    report = build([str(folder)], out, write_html=True, warn=warnings.append)
    assert all("\n" not in w for w in warnings)
    assert (out / "graph.html").is_file()
    graph = Graph().parse(out / "graph.ttl")
    assert len(graph) == report.triples
    pyoxigraph.Store().load(path=str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    conforms, _, message = validate(graph, shacl_graph=shapes, inference="none")
    assert conforms, message[:2000]
    for literal in graph.objects():
        assert not any(ord(c) < 32 and c not in "\n\t\r" for c in str(literal)), repr(literal)

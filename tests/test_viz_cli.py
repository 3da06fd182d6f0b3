"""``newsgraph viz``: what it writes, what it prints, and how it fails."""
from __future__ import annotations


import pytest
import rdflib
from click.testing import CliRunner

from newsgraph.cli import main
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat

from newsgraph.errors import GraphError, MissingInputError
from newsgraph.query import load_graph
from newsgraph.query.loading import RDF_FORMATS
from newsgraph.viz import default_store, load_view, read_graph, write_page
from test_viz_fixtures import NEWS_TTL, expected_edges, expected_nodes, parse, write

# rdflib's serializer for each format the loader reads, to write the fixtures with another tool
RDFLIB_FORMATS = {RdfFormat.TURTLE: "turtle", RdfFormat.N_TRIPLES: "nt", RdfFormat.N_QUADS: "nquads",
                  RdfFormat.TRIG: "trig", RdfFormat.JSON_LD: "json-ld", RdfFormat.N3: "n3", RdfFormat.RDF_XML: "xml"}


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_viz_writes_the_page_and_says_how_big_it_is(tmp_path):
    graph = parse(NEWS_TTL)
    out = tmp_path / "page.html"
    result = run("viz", str(write(tmp_path)), "--out", str(out))
    assert result.exit_code == 0
    assert result.output == f"wrote {out} ({len(expected_nodes(graph))} nodes, {len(expected_edges(graph))} edges)\n"
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_viz_reads_graph_ttl_from_a_build_folder(tmp_path):
    write(tmp_path)
    out = tmp_path / "g.html"
    assert run("viz", str(tmp_path), "--out", str(out), "--places").exit_code == 0
    graph = parse(NEWS_TTL)
    assert f"({len(expected_nodes(graph, True))} nodes, {len(expected_edges(graph, True))} edges)" in run(
        "viz", str(tmp_path), "--out", str(out), "--places").output


def test_viz_focus_and_max_nodes_shrink_the_page(tmp_path):
    path = write(tmp_path)
    out = tmp_path / "g.html"
    assert run("viz", str(path), "--out", str(out), "--max-nodes", "3").output.startswith(f"wrote {out} (3 nodes, ")
    result = run("viz", str(path), "--out", str(out), "--focus", "LINDQVIST", "--hops", "0", "--title", "One")
    assert result.output == f"wrote {out} (1 nodes, 0 edges)\n"
    assert "<title>One</title>" in out.read_text(encoding="utf-8")


def test_viz_on_a_missing_graph_says_to_build_first(tmp_path):
    missing = tmp_path / "nothing.ttl"
    result = run("viz", str(missing))
    assert result.exit_code == MissingInputError.exit_code == 2
    assert result.output == f"Error: graph file '{missing}' does not exist: run `newsgraph build` first or check the path\n"


def test_viz_on_a_folder_without_graph_names_the_file_it_looked_for(tmp_path):
    result = run("viz", str(tmp_path))
    assert result.exit_code == 2
    assert f"graph file '{tmp_path / 'graph.ttl'}' does not exist" in result.output


@pytest.mark.parametrize("command", ["viz", "stats", "export"])
@pytest.mark.parametrize("name,make", [("nope.ttl", False), ("graph.txt", True), ("", False)])
def test_graph_commands_fail_on_a_bad_path_as_query_does(tmp_path, command, name, make):
    """A missing file, an unknown extension or a folder without graph.ttl: one message, one exit status."""
    path = tmp_path / name
    if make:
        path.write_text(NEWS_TTL, encoding="utf-8")
    extra = ["--out", str(tmp_path / "n.gexf")] if command == "export" else []
    ours = CliRunner().invoke(main, [command, str(path), *extra])
    theirs = CliRunner().invoke(main, ["query", str(path), "ASK {}"])
    assert theirs.exit_code != 0 and theirs.output.startswith("Error: graph file" if not make else "Error: cannot tell")
    assert (ours.exit_code, ours.output) == (theirs.exit_code, theirs.output)


@pytest.mark.parametrize("command", ["viz", "stats", "export"])
def test_graph_commands_report_broken_turtle_in_one_line_as_query_does(tmp_path, command):
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix ex: <http://example.org/> .\nex:a ex:b "never closed .\n', encoding="utf-8")
    extra = ["--out", str(tmp_path / "n.gexf")] if command == "export" else []
    ours = CliRunner().invoke(main, [command, str(bad), *extra])
    theirs = CliRunner().invoke(main, ["query", str(bad), "ASK {}"])
    assert ours.exit_code == GraphError.exit_code == 1
    assert ours.output.startswith(f"Error: cannot read graph file '{bad}': ")
    assert ours.output.count("\n") == 1 and "line 2" in ours.output
    assert (ours.exit_code, ours.output) == (theirs.exit_code, theirs.output)


def test_viz_focus_on_an_unknown_name_fails_with_near_matches(tmp_path):
    result = run("viz", str(write(tmp_path)), "--out", str(tmp_path / "g.html"), "--focus", "Okafr")
    assert result.exit_code == 1
    assert result.output == "Error: no node named 'Okafr' in the graph; near matches: 'Nadia Okafor'\n"
    assert not (tmp_path / "g.html").exists()


def test_viz_rejects_hops_without_focus_and_a_zero_cap(tmp_path):
    path = str(write(tmp_path))
    result = run("viz", path, "--hops", "1")
    assert result.exit_code == 2 and "--hops only applies with --focus NAME" in result.output
    assert run("viz", path, "--max-nodes", "0").exit_code == 2


def test_the_cli_lists_viz_stats_and_export_with_help():
    listing = run("--help").output
    for name in ("viz", "stats", "export"):
        assert f"  {name} " in listing
        assert run(name, "--help").exit_code == 0


def test_a_file_that_is_not_utf8_turtle_is_reported_not_raised(tmp_path):
    binary = tmp_path / "graph.ttl"
    binary.write_bytes(b"\xff\xfe\x00\x01 not rdf")
    with pytest.raises(GraphError, match=r"cannot read graph file '.*graph.ttl': .*UTF-8"):
        read_graph(tmp_path)


# rdflib's own Dataset code calls its deprecated default_context; not ours to fix.
@pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")
def test_trig_with_a_named_graph_per_document_reads_as_their_union(tmp_path):
    lines = sorted(parse(NEWS_TTL).serialize(format="nt").splitlines())
    half = len(lines) // 2
    path = tmp_path / "graph.trig"
    path.write_text("".join(
        f"<https://w3id.org/newsgraph/id/doc/{name}> {{\n" + "\n".join(part) + "\n}\n"
        for name, part in (("doc-a", lines[:half]), ("doc-b", lines[half:]))
    ), encoding="utf-8")
    graph = read_graph(path)
    assert len(list(graph.triples((None, None, None)))) == len(lines)
    assert load_view(graph) == load_view(parse(NEWS_TTL))


def test_read_graph_is_an_rdflib_view_of_the_store_every_reader_opens(tmp_path):
    graph = read_graph(write(tmp_path))
    store = default_store(graph)
    assert len(graph) == len(store) == len(parse(NEWS_TTL))
    graph.add((rdflib.URIRef("https://example.org/s"), rdflib.RDFS.label, rdflib.Literal("added through rdflib")))
    assert Quad(NamedNode("https://example.org/s"), NamedNode(str(rdflib.RDFS.label)),
                Literal("added through rdflib"), DefaultGraph()) in store  # the same store, not a copy
    assert load_view(graph) == load_view(parse(NEWS_TTL))


def test_every_reader_reads_the_default_graph_of_what_load_graph_returns(tmp_path):
    """Named graphs beside a materialised default graph (a store's layout) are not read twice or instead."""
    loaded = load_graph(write(tmp_path))
    assert default_store(loaded) is loaded.store
    extra = NamedNode("https://w3id.org/newsgraph/id/graph/other")
    loaded.store.add(Quad(NamedNode("https://w3id.org/newsgraph/id/person/ghost"),
                          NamedNode(str(rdflib.RDF.type)), NamedNode("https://w3id.org/newsgraph/ontology#Person"), extra))
    assert load_view(loaded) == load_view(parse(NEWS_TTL))


def test_write_page_says_where_it_wrote_and_how_much_it_draws(tmp_path):
    graph = parse(NEWS_TTL)
    out = tmp_path / "g.html"
    page = write_page(graph, out, include_places=True)
    assert (page.nodes, page.edges) == (len(expected_nodes(graph, True)), len(expected_edges(graph, True)))
    assert page.path == out
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# rdflib's own Dataset code calls its deprecated default_context and contexts; not ours to fix.
@pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")
@pytest.mark.filterwarnings("ignore:Dataset.contexts is deprecated:DeprecationWarning")
@pytest.mark.parametrize("suffix", sorted(RDF_FORMATS))
def test_every_extension_query_reads_viz_reads_too(tmp_path, suffix):
    fmt = RDF_FORMATS[suffix]
    source = parse(NEWS_TTL)
    if fmt.supports_datasets:  # written as one named graph, read back as the union
        dataset = rdflib.Dataset()
        named = dataset.graph(rdflib.URIRef("https://w3id.org/newsgraph/id/doc/one"))
        for triple in source:
            named.add(triple)
        source = dataset
    path = tmp_path / f"graph{suffix}"
    path.write_text(source.serialize(format=RDFLIB_FORMATS[fmt]), encoding="utf-8")
    assert load_view(read_graph(path)) == load_view(parse(NEWS_TTL))

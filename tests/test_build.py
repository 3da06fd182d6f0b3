"""`newsgraph build` end to end: real model, real files, real parsers."""
from __future__ import annotations

import shutil

import pyoxigraph
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, SKOS, Graph, Namespace

from newsgraph.cli import main
from newsgraph.pipeline import build

NG = Namespace("https://w3id.org/newsgraph/ontology#")
pytestmark = pytest.mark.slow


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_missing_path_is_a_one_line_error_with_exit_2(tmp_path):
    result = run("build", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert result.output == f"Error: input {str(tmp_path / 'nope.txt')!r} does not exist: check the path\n"
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_empty_input_gives_a_valid_empty_graph_and_a_warning(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n")
    result = run("build", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out"), "--no-html")
    assert result.exit_code == 0, result.output  # built, with warnings (exit 3 only with --strict)
    assert "warning: no documents to read: wrote an empty graph" in result.output
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert len(g) == 0


def test_binary_file_is_skipped_with_a_warning_and_the_rest_is_built(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Germany and France signed a treaty in Berlin on Monday.\n")
    (tmp_path / "in" / "b.txt").write_bytes(b"\x00\x01\x02\xff\xfe binary")
    result = run("build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-html")
    assert result.exit_code == 0, result.output  # built, with warnings (exit 3 only with --strict)
    assert "b.txt" in result.output and "warning: skipped" in result.output
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    labels = {str(o) for o in g.objects(None, SKOS.prefLabel)}
    assert {"Germany", "France"} <= labels


def test_output_is_written_atomically_leaving_no_temporary_files(tmp_path, repo):
    out = tmp_path / "out"
    build([str(repo / "examples" / "live-blog.txt")], out, write_html=False)
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"]


@pytest.fixture(scope="module")
def example_build(tmp_path_factory, repo):
    out = tmp_path_factory.mktemp("example")
    report = build([str(repo / "examples")], out, write_html=False)
    return report


def test_same_input_gives_the_same_triples(example_build, repo, tmp_path):
    again = build([str(repo / "examples")], tmp_path, write_html=False)
    first = example_build.graph_path.read_bytes()
    assert again.graph_path.read_bytes() == first


@pytest.mark.parametrize("bulk", [300, 10**9])  # a bulk load per document; only when a read or update needs it
def test_a_build_whose_scratch_store_moves_to_disk_writes_the_graph_a_store_in_memory_does(
        example_build, repo, tmp_path, monkeypatch, bulk):
    from newsgraph.store import backend

    monkeypatch.setattr(backend, "SPILL_AFTER", 50)  # on disk from the first document on
    monkeypatch.setattr(backend, "BULK_QUADS", bulk)
    spilled = build([str(repo / "examples")], tmp_path, write_html=False)

    def lines(path):
        store = pyoxigraph.Store()
        store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
        return {str(t) for t in store}

    assert lines(spilled.graph_path) == lines(example_build.graph_path)
    assert (spilled.triples, spilled.entities, spilled.events) == (
        example_build.triples, example_build.entities, example_build.events)


def test_a_build_that_only_writes_files_writes_the_graph_a_store_folder_holds(example_build, repo, tmp_path):
    """The scratch store keeps only labels in its document graphs; a store folder keeps them whole.
    The default graph, graph.ttl, is the same."""
    folder = build([str(repo / "examples")], tmp_path / "out", store=str(tmp_path / "store"), write_html=False)
    assert graph_triples(folder.graph_path) == graph_triples(example_build.graph_path)
    assert (folder.triples, folder.entities, folder.events) == (
        example_build.triples, example_build.entities, example_build.events)


def graph_triples(path) -> set[str]:
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    return {str(t) for t in store}


def test_turtle_output_reparses_with_an_independent_parser(example_build):
    store = pyoxigraph.Store()
    store.load(path=str(example_build.graph_path), format=pyoxigraph.RdfFormat.TURTLE)
    g = Graph().parse(example_build.graph_path)
    assert len(store) == len(g) > 100


def test_build_output_conforms_to_the_shapes(example_build):
    from pyshacl import validate

    from newsgraph.resources import read_text

    shapes = Graph().parse(data=read_text("shapes.ttl"), format="turtle")
    data = Graph().parse(example_build.graph_path)
    conforms, _, text = validate(data, shacl_graph=shapes, inference="none")
    assert conforms, text[:3000]


def test_every_mention_slices_its_anchor_from_the_document_text(repo, tmp_path):
    from newsgraph.ingest import read_inputs
    from newsgraph.pipeline import extract

    docs = list(read_inputs([str(repo / "examples" / "live-blog.txt")]))
    result = extract(docs)
    texts = {ad.document.key: ad.document.text for ad in result.analysed}
    assert result.resolution.mentions
    for rm in result.resolution.mentions:
        assert texts[rm.document][rm.mention.start:rm.mention.end] == rm.mention.text


def test_authors_in_sign_offs_are_metadata_not_actors(example_build):
    g = Graph().parse(example_build.graph_path)
    schema = Namespace("https://schema.org/")
    authors = {str(n) for n in g.objects(None, schema.name)}
    people = {str(o) for s in g.subjects(RDF.type, NG.Person)
              for o in (*g.objects(s, SKOS.prefLabel), *g.objects(s, SKOS.altLabel))}
    assert authors and not (authors & people)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_gives_a_graph_that_reparses(tmp_path, text):
    src = tmp_path / "in.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    shutil.rmtree(out, ignore_errors=True)
    build([str(src)], out, write_html=False)
    Graph().parse(out / "graph.ttl")
    pyoxigraph.Store().load(path=str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)


def test_unknown_model_is_a_one_line_error_naming_it(tmp_path):
    (tmp_path / "a.txt").write_text("Germany and France met.\n")
    result = run("build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--model", "xx_no_such_model")
    assert result.exit_code == 1
    assert result.output == ("Error: spaCy model 'xx_no_such_model' is not installed: "
                             "pip install its package, or drop --model to use en_core_web_sm\n")
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_standard_input_is_read_with_a_dash(tmp_path):
    result = CliRunner().invoke(main, ["build", "-", "--out", str(tmp_path), "--no-html", "--quiet"],
                                input="Kenya and Uganda signed a trade deal in Nairobi.\n")
    assert result.exit_code == 0, result.output
    g = Graph().parse(tmp_path / "graph.ttl")
    assert {"Kenya", "Uganda"} <= {str(o) for o in g.objects(None, SKOS.prefLabel)}
    assert "stdin" in {str(o) for o in g.objects(None, NG.source)}


def test_turtle_writer_output_is_the_same_graph_with_sorted_prefixes():
    from rdflib.compare import graph_diff, isomorphic

    from newsgraph.graph.turtle import to_turtle

    g = Graph()
    g.parse(data="""
        @prefix ng: <https://w3id.org/newsgraph/ontology#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <https://w3id.org/newsgraph/id/person/ana-lima> a ng:Person ;
            <http://www.w3.org/2004/02/skos/core#prefLabel> "Ana Lima", "Ana \\"Lima\\"\\nline"@pt ;
            ng:confidence "0.80"^^xsd:decimal ; ng:former true .
        """, format="turtle")
    text = to_turtle(g, {"skos": "http://www.w3.org/2004/02/skos/core#", "ng": "https://w3id.org/newsgraph/ontology#",
                         "xsd": "http://www.w3.org/2001/XMLSchema#"})
    header = [ln for ln in text.decode().splitlines() if ln.startswith("@prefix")]
    assert header == sorted(header) and len(header) == 3
    back = Graph().parse(data=text, format="turtle")
    assert isomorphic(back, g), graph_diff(back, g)


def test_a_base_that_is_no_absolute_iri_is_a_one_line_error_before_any_work(tmp_path):
    (tmp_path / "a.txt").write_text("Kenya and Uganda met.\n")
    result = run("build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--base", "not an iri")
    assert result.exit_code == 1
    assert result.output == ("Error: --base 'not an iri' is not an absolute IRI: "
                             "give one such as https://w3id.org/newsgraph/id/\n")


def test_an_output_folder_under_a_file_is_a_one_line_error(tmp_path):
    (tmp_path / "a.txt").write_text("Kenya and Uganda met.\n")
    (tmp_path / "afile").write_text("")
    result = run("build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "afile" / "sub"))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: cannot create the output folder '{tmp_path / 'afile' / 'sub'}'")


def test_json_lines_records_sharing_a_url_stay_separate_documents(tmp_path):
    lines = ['{"text": "Kenya and Uganda signed a deal.", "url": "https://example.org/a"}',
             '{"text": "Chile and Peru signed a deal.", "url": "https://example.org/a"}',
             '{"text": "Ghana and Togo met.", "url": "https://example.org/has space"}']
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n")
    result = run("build", str(tmp_path / "a.jsonl"), "--out", str(tmp_path / "out"), "--no-html")
    assert result.exit_code == 0, result.output  # built, with warnings (exit 3 only with --strict)
    assert "another document from the same source; it is named https://example.org/a#2" in result.output
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert len(set(g.subjects(RDF.type, NG.Article))) == 3
    assert len(set(g.objects(None, NG.contentHash))) == 3


def test_a_mention_and_a_sentence_of_the_same_span_are_different_nodes(tmp_path):
    (tmp_path / "a.txt").write_text("Ukraine\n\nUkraine said on Monday that talks would resume in Geneva.\n")
    build([str(tmp_path / "a.txt")], tmp_path / "out", write_html=False)
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    nif = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    assert not set(g.subjects(RDF.type, NG.Mention)) & set(g.subjects(RDF.type, nif.Sentence))


def test_strict_tells_a_build_with_warnings_from_a_clean_one(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "good.txt").write_text("Germany and France signed a treaty in Berlin on Monday.\n")
    warned = run("build", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "a"), "--no-html", "--strict")
    clean = run("build", str(tmp_path / "good.txt"), "--out", str(tmp_path / "b"), "--no-html", "--strict")
    assert warned.exit_code == 3 and "(exit 3)" in warned.output
    assert clean.exit_code == 0, clean.output

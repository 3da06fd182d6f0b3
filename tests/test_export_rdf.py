"""`newsgraph export` in the RDF formats: what re-parses, what the description says, how it fails.

Every export is read back with a real parser (pyoxigraph; pyld for JSON-LD)
and compared as sets of triples or quads with the source: the default
graph (and for TriG/N-Quads the named graphs) plus the description.
"""
from __future__ import annotations

import json
import random
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyld import jsonld
from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store, Triple, serialize

from newsgraph import __version__
from newsgraph.cli import main
from newsgraph.errors import InputError
from newsgraph.export import dataset_description, export_graph
from newsgraph.query import load_graph
from newsgraph.resources import read_text
from newsgraph.viz import default_store
from test_viz_fixtures import BASE, NEWS_TTL, parse as parse_rdflib, write

WHEN = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)
NG = "https://w3id.org/newsgraph/ontology#"
VOID = "http://rdfs.org/ns/void#"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
GENERATED = NamedNode(PROV + "generatedAtTime")
DOC_A, DOC_B = NamedNode(BASE + "graph/doc-a"), NamedNode(BASE + "graph/doc-b")
ENTITIES, VOID_GRAPH = NamedNode(BASE + "graph/entities"), NamedNode(BASE + "graph/void")
LOOKUP = Quad(NamedNode(BASE + "person/alia-moreno"), NamedNode(NG + "lookupKey"), Literal("moreno"), ENTITIES)
PARSE_AS = {"turtle": RdfFormat.TURTLE, "ntriples": RdfFormat.N_TRIPLES, "rdfxml": RdfFormat.RDF_XML,
            "trig": RdfFormat.TRIG, "nquads": RdfFormat.N_QUADS}
SUFFIX = {"turtle": "ttl", "ntriples": "nt", "rdfxml": "rdf", "trig": "trig", "nquads": "nq", "jsonld": "jsonld"}


def store_layout() -> list[Quad]:
    """The fixture in a store's layout: the merged default graph, one graph per document
    (the triples split between two), and the entities graph with an internal lookup key."""
    triples = sorted((q.triple for q in default_store(parse_rdflib(NEWS_TTL))), key=str)
    half = len(triples) // 2
    quads = [Quad(t.subject, t.predicate, t.object) for t in triples]
    quads += [Quad(t.subject, t.predicate, t.object, DOC_A) for t in triples[:half]]
    quads += [Quad(t.subject, t.predicate, t.object, DOC_B) for t in triples[half:]]
    pref = next(t for t in triples if t.predicate.value.endswith("prefLabel"))
    return quads + [Quad(pref.subject, pref.predicate, pref.object, ENTITIES), LOOKUP]


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "source.trig"
    path.write_bytes(serialize(store_layout(), format=RdfFormat.TRIG))
    return path


def quads_in(store: Store, graph) -> set[Triple]:
    return {Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, graph)}


def read_back(path: Path, fmt: str) -> Store:
    store = Store()
    if fmt == "jsonld":  # expanded by pyld, a JSON-LD processor of its own, not by our code
        nquads = jsonld.to_rdf(json.loads(path.read_text(encoding="utf-8")), {"format": "application/n-quads"})
        store.load(nquads, format=RdfFormat.N_QUADS)
    else:
        store.load(path=str(path), format=PARSE_AS[fmt])
    return store


def description_triples(store: Store, **options) -> set[Triple]:
    return {q.triple for q in dataset_description(store, base=BASE, generated=WHEN, **options)}


def without_time(triples: set[Triple]) -> set[Triple]:
    return {t for t in triples if t.predicate != GENERATED}


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "rdfxml", "jsonld"])
def test_one_graph_formats_hold_the_default_graph_and_its_description(source, tmp_path, fmt):
    loaded = load_graph(source)
    data = quads_in(loaded.store, DefaultGraph())
    out = export_graph(loaded, tmp_path / f"out.{SUFFIX[fmt]}", fmt, generated=WHEN).path
    back = read_back(out, fmt)
    assert not list(back.named_graphs())
    assert quads_in(back, DefaultGraph()) == data | description_triples(loaded.store)
    assert LOOKUP.triple not in quads_in(back, DefaultGraph())


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "rdfxml", "jsonld", "trig", "nquads"])
def test_only_the_generation_time_changes_from_one_export_to_the_next(source, tmp_path, fmt):
    loaded = load_graph(source)
    out = export_graph(loaded, tmp_path / f"out.{SUFFIX[fmt]}", fmt).path  # now, not WHEN
    back = read_back(out, fmt)
    written = {q.triple for q in back}
    expected = quads_in(loaded.store, DefaultGraph()) | description_triples(loaded.store)
    if fmt in ("trig", "nquads"):
        expected |= quads_in(loaded.store, DOC_A) | quads_in(loaded.store, DOC_B) | quads_in(loaded.store, ENTITIES)
        expected -= {LOOKUP.triple}
    assert without_time(written) == without_time(expected)
    (stamp,) = [t.object for t in written if t.predicate == GENERATED]
    assert stamp.datatype.value.endswith("#dateTime") and stamp.value.endswith("Z")
    again = export_graph(loaded, tmp_path / f"again.{SUFFIX[fmt]}", fmt, generated=WHEN).path.read_bytes()
    assert export_graph(loaded, tmp_path / f"third.{SUFFIX[fmt]}", fmt, generated=WHEN).path.read_bytes() == again


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_dataset_formats_keep_the_named_graphs_and_put_the_description_in_its_own(source, tmp_path, fmt):
    loaded = load_graph(source)
    out = export_graph(loaded, tmp_path / f"out.{SUFFIX[fmt]}", fmt, generated=WHEN).path
    back = read_back(out, fmt)
    assert quads_in(back, DefaultGraph()) == quads_in(loaded.store, DefaultGraph())  # the data, exactly
    for graph in (DOC_A, DOC_B):
        assert quads_in(back, graph) == quads_in(loaded.store, graph)
    assert quads_in(back, ENTITIES) == quads_in(loaded.store, ENTITIES) - {LOOKUP.triple}  # lookup keys are internal
    assert quads_in(back, VOID_GRAPH) == description_triples(loaded.store)
    assert set(back.named_graphs()) == {DOC_A, DOC_B, ENTITIES, VOID_GRAPH}


def test_a_source_without_named_graphs_exports_to_trig_as_its_default_graph(tmp_path):
    loaded = load_graph(write(tmp_path))
    back = read_back(export_graph(loaded, tmp_path / "out.trig", "trig", generated=WHEN).path, "trig")
    assert quads_in(back, DefaultGraph()) == quads_in(loaded.store, DefaultGraph())
    assert set(back.named_graphs()) == {VOID_GRAPH}


def test_turtle_declares_the_prefixes_it_uses_and_no_others(source, tmp_path):
    text = export_graph(load_graph(source), tmp_path / "out.ttl", "turtle", generated=WHEN).path.read_text()
    declared = {line.split()[1] for line in text.splitlines() if line.startswith("@prefix")}
    assert {"ng:", "skos:", "person:", "orgn:", "void:", "dcat:", "prov:", "dcterms:"} <= declared
    assert "foaf:" not in declared and "owl:" not in declared
    assert "person:alia-moreno a ng:Person" in text
    body = text.split("\n", len(declared))[-1]
    assert not body.startswith("@prefix") and "<https://w3id.org/newsgraph/ontology#" not in body


def test_the_description_counts_the_default_graph(source):
    store = load_graph(source).store
    described = description_triples(store)
    dataset = NamedNode(BASE + "dataset")

    def value(predicate: str, subject=dataset):
        (found,) = [t.object for t in described if t.subject == subject and t.predicate.value == predicate]
        return found

    def count(query: str) -> int:
        return int(next(iter(store.query(query)))[0].value)

    assert {t.object.value for t in described if t.subject == dataset and t.predicate == RDF_TYPE} == {
        VOID + "Dataset", "http://www.w3.org/ns/dcat#Dataset"}
    assert int(value(VOID + "triples").value) == count("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
    assert int(value(VOID + "distinctSubjects").value) == count("SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }")
    assert int(value(VOID + "entities").value) == count(
        f'SELECT (COUNT(DISTINCT ?s) AS ?n) {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{BASE}")) }}')
    partitions = {t.object for t in described if t.predicate.value == VOID + "classPartition"}
    by_class = {value(VOID + "class", p).value: int(value(VOID + "entities", p).value) for p in partitions}
    assert by_class == {row[0].value: int(row[1].value) for row in store.query(
        "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c } GROUP BY ?c")}
    vocabularies = {t.object.value for t in described if t.predicate.value == VOID + "vocabulary"}
    assert {NG, "http://www.w3.org/2004/02/skos/core#", "http://www.w3.org/ns/org#"} <= vocabularies
    assert not any(t.predicate.value in (DCTERMS + "license", VOID + "sparqlEndpoint") for t in described)


def test_the_description_says_which_version_made_it_and_when(source):
    described = description_triples(load_graph(source).store)
    activity = next(t.object for t in described if t.predicate.value == PROV + "wasGeneratedBy")
    agent = next(t.object for t in described if t.subject == activity and t.predicate.value == PROV + "wasAssociatedWith")
    assert Triple(activity, RDF_TYPE, NamedNode(PROV + "Activity")) in described
    assert Triple(agent, RDF_TYPE, NamedNode(PROV + "SoftwareAgent")) in described
    assert Triple(agent, NamedNode("https://schema.org/softwareVersion"), Literal(__version__)) in described
    assert [t.object.value for t in described if t.predicate == GENERATED] == ["2025-03-01T12:00:00Z"]


def test_licence_and_endpoint_are_in_the_description_only_when_given(source, tmp_path):
    out = tmp_path / "out.nt"
    result = CliRunner().invoke(main, ["export", str(source), "--out", str(out), "--licence",
                                       "https://creativecommons.org/licenses/by/4.0/", "--endpoint",
                                       "http://127.0.0.1:7878/query"])
    assert result.exit_code == 0, result.output
    written = quads_in(read_back(out, "ntriples"), DefaultGraph())
    dataset = NamedNode(BASE + "dataset")
    assert Triple(dataset, NamedNode(DCTERMS + "license"), NamedNode("https://creativecommons.org/licenses/by/4.0/")) in written
    assert Triple(dataset, NamedNode(VOID + "sparqlEndpoint"), NamedNode("http://127.0.0.1:7878/query")) in written


def test_the_description_is_the_same_whatever_order_the_graph_was_loaded_in(source):
    quads = list(load_graph(source).store)
    random.Random(3).shuffle(quads)
    shuffled = Store()
    for quad in quads:
        shuffled.add(quad)
    first = dataset_description(load_graph(source).store, base=BASE, generated=WHEN)
    assert dataset_description(shuffled, base=BASE, generated=WHEN) == first
    later = dataset_description(shuffled, base=BASE, generated=WHEN.replace(year=2026))
    assert [q for q in later if q.predicate != GENERATED] == [q for q in first if q.predicate != GENERATED]
    assert all(q.graph_name == VOID_GRAPH for q in first)


def test_an_export_exported_again_replaces_its_description(source, tmp_path):
    first = export_graph(load_graph(source), tmp_path / "one.ttl", "turtle", generated=WHEN).path
    second = export_graph(load_graph(first), tmp_path / "two.ttl", "turtle", generated=WHEN).path
    assert first.read_bytes() == second.read_bytes()


def test_jsonld_is_compacted_with_the_shipped_context_and_reads_as_plain_json(tmp_path):
    graph = tmp_path / "graph.ttl"
    graph.write_text(f"""@prefix ng: <{NG}> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix org: <http://www.w3.org/ns/org#> . @prefix plover: <https://w3id.org/newsgraph/plover#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
<{BASE}person/ines-varga> a ng:Person ; skos:prefLabel "Ines Varga"@en ; skos:altLabel "Varga"@en .
<{BASE}state/HUN> a ng:State ; skos:prefLabel "Hungary"@en ; ng:iso3 "HUN" .
<{BASE}membership/1> a org:Membership ; org:member <{BASE}person/ines-varga> ; org:role <{BASE}role/envoy> ;
    org:organization <{BASE}state/HUN> ; ng:former false ; ng:asOf "2024-05-02T09:00:00Z"^^xsd:dateTime .
<{BASE}event/1> a ng:Event ; ng:agent <{BASE}person/ines-varga> ; ng:target <{BASE}state/HUN> ;
    ng:eventType plover:CONSULT ; ng:modality ng:Asserted .
<{BASE}doc/brief#char=0,10> a nif:Sentence ; nif:anchorOf "Ines Varga" ; nif:beginIndex 0 ; nif:endIndex 10 .
""", encoding="utf-8")
    out = tmp_path / "graph.jsonld"
    assert CliRunner().invoke(main, ["export", str(graph), "--out", str(out)]).exit_code == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["@context"] == json.loads(read_text("context.jsonld"))["@context"]
    nodes = {node["id"]: node for node in document["@graph"]}
    assert nodes["person:ines-varga"] == {"id": "person:ines-varga", "type": "Person", "altLabel": ["Varga"],
                                          "prefLabel": "Ines Varga"}
    assert nodes["state:HUN"] == {"id": "state:HUN", "type": "State", "iso3": "HUN", "prefLabel": "Hungary"}
    assert nodes["membership:1"] == {"id": "membership:1", "type": "Membership", "asOf": "2024-05-02T09:00:00Z",
                                     "former": False, "member": "person:ines-varga", "organization": "state:HUN",
                                     "role": "role/envoy"}
    assert nodes["event:1"] == {"id": "event:1", "type": "Event", "agent": "person:ines-varga", "target": "state:HUN",
                                "eventType": "plover:CONSULT", "modality": "ng:Asserted"}
    assert nodes["doc:brief#char=0,10"] == {"id": "doc:brief#char=0,10", "type": "Sentence", "anchorOf": "Ines Varga",
                                             "beginIndex": 0, "endIndex": 10}
    assert nodes["dataset"]["triples"] == 21 and "Dataset" in nodes["dataset"]["type"]
    expanded = quads_in(read_back(out, "jsonld"), DefaultGraph())
    assert without_time(expanded) == without_time(
        quads_in(load_graph(graph).store, DefaultGraph()) | description_triples(load_graph(graph).store))


def test_jsonld_values_the_context_does_not_type_expand_back_exactly(tmp_path):
    """Untagged labels, a date under a dateTime term, other languages, odd numbers, blank nodes."""
    graph = tmp_path / "odd.ttl"
    graph.write_text(f"""@prefix ng: <{NG}> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<{BASE}person/a> a ng:Person ; skos:prefLabel "plain" ; skos:altLabel "Kyjiw"@de, "two"@en, "one"@en ;
    ng:position "007"^^xsd:integer, 12 ; ng:former "1"^^xsd:boolean ; ng:agent "not an IRI" ;
    schema:datePublished "2024-05-02"^^xsd:date ; <http://example.org/other#p> _:b1 ; ng:iso2 "x:y" .
_:b1 skos:prefLabel "in a blank node"@en .
<http://example.org/elsewhere> ng:source "https://news.example/a" ; ng:target <{BASE}doc/x#char=0,4> .
""", encoding="utf-8")
    loaded = load_graph(graph)
    out = export_graph(loaded, tmp_path / "odd.jsonld", "jsonld", generated=WHEN).path
    expanded = read_back(out, "jsonld")
    expected = quads_in(loaded.store, DefaultGraph()) | description_triples(loaded.store)
    assert len(quads_in(expanded, DefaultGraph())) == len(expected)
    canonical = {t for t in expected if not isinstance(t.subject, BlankNode) and not isinstance(t.object, BlankNode)}
    assert canonical <= quads_in(expanded, DefaultGraph())


def test_jsonld_with_another_base_moves_the_instance_prefixes(tmp_path):
    other = "https://news.example.org/kg/"
    graph = tmp_path / "graph.ttl"
    graph.write_text(NEWS_TTL.replace(BASE, other), encoding="utf-8")
    loaded = load_graph(graph)
    out = export_graph(loaded, tmp_path / "g.jsonld", "jsonld", base=other, generated=WHEN).path
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["@context"]["person"] == other + "person/" and document["@context"]["@base"] == other
    assert "person:alia-moreno" in {n["id"] for n in document["@graph"]}
    expanded = quads_in(read_back(out, "jsonld"), DefaultGraph())
    described = {q.triple for q in dataset_description(loaded.store, base=other, generated=WHEN)}
    assert expanded == quads_in(loaded.store, DefaultGraph()) | described


def test_export_without_out_writes_to_standard_output(source):
    result = CliRunner().invoke(main, ["export", str(source), "--format", "nquads"])
    assert result.exit_code == 0
    store = Store()
    store.load(result.stdout_bytes, format=RdfFormat.N_QUADS)
    assert set(store.named_graphs()) == {DOC_A, DOC_B, ENTITIES, VOID_GRAPH}


def test_export_command_says_what_it_wrote(source, tmp_path):
    loaded = load_graph(source)
    n = len(quads_in(loaded.store, DefaultGraph())) + len(description_triples(loaded.store))
    out = tmp_path / "g.ttl"
    result = CliRunner().invoke(main, ["export", str(source), "--out", str(out)])
    assert (result.exit_code, result.output) == (0, f"wrote {out} (turtle, {n} triples)\n")
    result = CliRunner().invoke(main, ["export", str(source), "--format", "trig", "--out", str(tmp_path / "g.trig")])
    assert result.output.startswith(f"wrote {tmp_path / 'g.trig'} (trig, ") and "in the default graph and 4 named graphs" \
        in result.output


@pytest.mark.parametrize("args,message", [
    (["--format", "dot"], "Invalid value for '--format': 'dot' is not one of"),
    (["--format", "turtle", "--licence", "CC-BY"], "--licence 'CC-BY' is not an absolute IRI"),
    (["--format", "turtle", "--endpoint", "localhost:7878 /query"], "--endpoint 'localhost:7878 /query' is not an"),
    (["--format", "turtle", "--places"], "--places only applies to --format graphml or gexf"),
    ([], "give --format (or an --out file whose suffix names one)"),
])
def test_bad_options_fail_with_one_line(source, args, message):
    result = CliRunner().invoke(main, ["export", str(source), *args])
    assert result.exit_code == 2
    error = result.output[result.output.index("Error: "):]
    assert message in error and error.count("\n") == 1


@pytest.mark.parametrize("content", [b'<a> <b> "unterminated .\n', b"\xff\xfe not rdf"])
def test_an_unreadable_source_fails_with_one_line(tmp_path, content):
    bad = tmp_path / "bad.nt"
    bad.write_bytes(content)
    result = CliRunner().invoke(main, ["export", str(bad), "--format", "turtle"])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: cannot read graph file '{bad}': ") and result.output.count("\n") == 1


def test_a_licence_that_is_not_an_iri_is_an_input_error(source):
    with pytest.raises(InputError, match="not an absolute IRI"):
        dataset_description(load_graph(source).store, base=BASE, licence="see the README")


def test_the_build_can_describe_a_store_it_reaches_through_a_backend(source):
    """The same description from a Backend (SELECT rows) as from the Store itself."""
    from newsgraph.store.backend import LocalBackend

    store = load_graph(source).store
    assert dataset_description(LocalBackend(store), base=BASE, generated=WHEN, activity="build") == \
        dataset_description(store, base=BASE, generated=WHEN, activity="build")
    made_by = {q.object.value for q in dataset_description(store, base=BASE, activity="build")
               if q.predicate.value == PROV + "wasGeneratedBy"}
    assert made_by == {BASE + "dataset/build"}

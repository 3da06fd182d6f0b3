"""The SHACL shapes on what ``document_quads`` writes, as a store holds it, without and with RDFS inference.

The quads go into a real Oxigraph store; a document's graph (or the union
the store keeps as its default graph) is dumped as Turtle and parsed by
rdflib for pyshacl. Under RDFS inference the ontology (newsgraph.ttl) is
mixed in, so ng:Person is also a schema:Person and every rdfs:domain and
subclass axiom applies.
"""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SH, SKOS

from newsgraph.resources import read_text
from test_graph_quads import BASE, KEY, TEXT, quads

NG = "https://w3id.org/newsgraph/ontology#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
OA = "http://www.w3.org/ns/oa#"
HEADLINE = URIRef("https://schema.org/headline")
CONTEXT = URIRef(BASE + f"doc/{KEY}#char=0,{len(TEXT)}")
INFERENCE = ["none", "rdfs"]


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(data=read_text("shapes.ttl"), format="turtle")


@pytest.fixture(scope="module")
def tbox() -> Graph:
    return Graph().parse(data=read_text("newsgraph.ttl"), format="turtle")


def as_stored(qs: list[ox.Quad], union: bool = False) -> Graph:
    """The document's graph as a store holds it (or the union of the graphs, as its default graph)."""
    store = ox.Store()
    store.extend(qs)
    if union:
        for q in list(store):
            store.add(ox.Quad(q.subject, q.predicate, q.object))
    graph = ox.DefaultGraph() if union else qs[0].graph_name
    return Graph().parse(data=store.dump(format=ox.RdfFormat.TURTLE, from_graph=graph), format="turtle")


def violations(data: Graph, shapes: Graph, tbox: Graph, inference: str) -> set[tuple]:
    """(focus node, path) of every result, so a test says which check fired."""
    conforms, report, text = validate(data, shacl_graph=shapes, ont_graph=tbox if inference != "none" else None,
                                      inference=inference)
    results = set(report.objects(None, SH.result))  # not the sh:detail results nested in them
    assert conforms == (not results), text
    return {(report.value(r, SH.focusNode), _path(report, report.value(r, SH.resultPath))) for r in results}


def _path(report: Graph, path):
    """A predicate as itself, an inverse path as ("^", predicate): a blank node could not be compared."""
    inverse = report.value(path, SH.inversePath) if path is not None else None
    return ("^", inverse) if inverse is not None else path


@pytest.mark.parametrize("inference", INFERENCE)
@pytest.mark.parametrize("union", [False, True], ids=["document graph", "default graph"])
def test_a_documents_quads_as_stored_conform(shapes, tbox, inference, union):
    assert violations(as_stored(quads(), union), shapes, tbox, inference) == set()


@pytest.mark.parametrize("inference", INFERENCE)
def test_the_default_graph_with_the_stores_preferred_labels_conforms(shapes, tbox, inference):
    g = as_stored(quads(), union=True)
    for entity in set(g.subjects(RDFS.label, None)):
        g.add((entity, SKOS.prefLabel, Literal("a preferred name", lang="en")))
    assert violations(g, shapes, tbox, inference) == set()


def test_rdfs_inference_over_the_ontology_really_applies(shapes, tbox):
    """A node that only ng:refersTo types as a mention (its rdfs:domain) is checked only under inference."""
    g = as_stored(quads())
    mention = URIRef(BASE + "mention/untyped")
    g.add((mention, URIRef(NG + "refersTo"), URIRef(BASE + "state/UKR")))
    assert violations(g, shapes, tbox, "none") == set()
    assert (mention, URIRef(NIF + "anchorOf")) in violations(g, shapes, tbox, "rdfs")


def test_people_need_no_author_name_under_inference_though_every_ng_person_is_a_schema_person(shapes, tbox):
    g = as_stored(quads())
    person = URIRef(BASE + "person/ines-varga")
    assert (person, RDF.type, URIRef("https://schema.org/Person")) not in g  # only the TBox says so
    assert violations(g, shapes, tbox, "rdfs") == set()
    author = next(g.objects(None, URIRef("https://schema.org/author")))
    g.remove((author, URIRef("https://schema.org/name"), None))
    assert violations(g, shapes, tbox, "rdfs") == {(author, URIRef("https://schema.org/name"))}


# ------------------------------------------------------------------ what the shapes reject


def _broken(shapes, tbox, remove=(), add=(), inference="none") -> set[tuple]:
    g = as_stored(quads())
    for t in remove:
        g.remove(t)
    for t in add:
        g.add(t)
    return violations(g, shapes, tbox, inference)


def test_a_span_whose_offsets_do_not_cut_its_text_out_of_the_context_is_rejected(shapes, tbox):
    mention = URIRef(BASE + f"mention/{KEY}-{TEXT.index('Ines Varga')}-{TEXT.index('Ines Varga') + 10}")
    found = _broken(shapes, tbox, remove=[(mention, URIRef(NIF + "anchorOf"), None)],
                    add=[(mention, URIRef(NIF + "anchorOf"), Literal("Ines Vargas"))])
    assert found == {(CONTEXT, None)}


def test_a_sentence_of_a_document_with_a_context_must_refer_to_it(shapes, tbox):
    sentence = next(s for s in as_stored(quads()).subjects(RDF.type, URIRef(NIF + "Sentence")))
    found = _broken(shapes, tbox, remove=[(sentence, URIRef(NIF + "referenceContext"), None)])
    assert found == {(CONTEXT, None), (sentence, URIRef(NIF + "referenceContext"))}  # the context's check and its own


def test_a_context_whose_end_is_not_the_length_of_its_text_is_rejected(shapes, tbox):
    end = URIRef(NIF + "endIndex")
    found = _broken(shapes, tbox, remove=[(CONTEXT, end, None)], add=[(CONTEXT, end, Literal(len(TEXT) + 1))])
    assert found == {(CONTEXT, end)}


def test_evidence_with_a_span_of_its_own_or_without_its_sentence_is_rejected(shapes, tbox):
    g = as_stored(quads())
    evidence = sorted(g.subjects(RDF.type, URIRef(NG + "Evidence")))
    found = _broken(shapes, tbox, add=[(evidence[0], URIRef(NIF + "anchorOf"), Literal("Varga said"))],
                    remove=[(evidence[1], URIRef(OA + "hasTarget"), None)])
    assert found == {(evidence[0], URIRef(NIF + "anchorOf")), (evidence[1], URIRef(OA + "hasTarget"))}


@pytest.mark.parametrize("inference", INFERENCE)
def test_a_label_in_another_language_or_two_preferred_labels_are_rejected(shapes, tbox, inference):
    person = URIRef(BASE + "person/ines-varga")
    found = _broken(shapes, tbox, inference=inference, add=[
        (person, SKOS.altLabel, Literal("Inès Varga", lang="fr")),
        (person, SKOS.prefLabel, Literal("Ines Varga", lang="en")), (person, SKOS.prefLabel, Literal("I. Varga", lang="en")),
    ])
    assert found == {(person, SKOS.altLabel), (person, SKOS.prefLabel)}


def test_an_authority_link_to_another_country_is_rejected(shapes, tbox):
    state = URIRef(BASE + "state/UKR")
    found = _broken(shapes, tbox, remove=[(state, SKOS.exactMatch, None)],
                    add=[(state, SKOS.exactMatch, URIRef("http://publications.europa.eu/resource/authority/country/RUS"))])
    assert found == {(state, SKOS.exactMatch)}


def test_an_entity_with_no_name_at_all_is_rejected(shapes, tbox):
    place = URIRef(BASE + "place/vilnius")
    assert _broken(shapes, tbox, remove=[(place, RDFS.label, None)]) == {(place, RDFS.label)}


# ------------------------------------------------------------------ the one-graph writer's forms, no longer accepted

PERSON = URIRef(BASE + "person/ines-varga")
DOCUMENT = URIRef(BASE + f"doc/{KEY}")


def _plain_label() -> tuple[list, list, set]:
    """A name as a plain string, not @en."""
    return ([(PERSON, RDFS.label, None)], [(PERSON, RDFS.label, Literal("Ines Varga"))], {(PERSON, RDFS.label)})


def _plain_headline() -> tuple[list, list, set]:
    return ([(DOCUMENT, HEADLINE, None)], [(DOCUMENT, HEADLINE, Literal("Ministers: live"))],
            {(DOCUMENT, HEADLINE)})


def _named_by_preferred_label_only() -> tuple[list, list, set]:
    """An entity with a skos:prefLabel (even @en) and no rdfs:label of any document."""
    return ([(PERSON, RDFS.label, None)], [(PERSON, SKOS.prefLabel, Literal("Ines Varga", lang="en"))],
            {(PERSON, RDFS.label)})


def _no_context_at_all() -> tuple[list, list, set]:
    """The document's text as no nif:Context: the article has none, and no span counts into one."""
    g = as_stored(quads())
    spans = set(g.subjects(RDF.type, URIRef(NIF + "Sentence"))) | set(g.subjects(RDF.type, URIRef(NG + "Mention")))
    assert spans
    remove = [(CONTEXT, None, None)] + [(s, URIRef(NIF + "referenceContext"), None) for s in spans]
    expected = {(DOCUMENT, ("^", DCTERMS.source))} | {(s, URIRef(NIF + "referenceContext")) for s in spans}
    return remove, [], expected


def _evidence_with_its_own_span() -> tuple[list, list, set]:
    """Evidence as the one-graph writer wrote it: nif:sentence and a copy of the sentence's span, no oa:hasTarget."""
    g = as_stored(quads())
    evidence = min(g.subjects(RDF.type, URIRef(NG + "Evidence")))
    sentence = g.value(evidence, URIRef(OA + "hasTarget"))
    span = [(evidence, URIRef(NIF + p), g.value(sentence, URIRef(NIF + p))) for p in ("anchorOf", "beginIndex", "endIndex")]
    assert all(o is not None for _, _, o in span)
    return ([(evidence, URIRef(OA + "hasTarget"), None)], [*span, (evidence, URIRef(NIF + "sentence"), sentence)],
            {(evidence, URIRef(OA + "hasTarget"))} | {(evidence, p) for _, p, _ in span} | {(evidence, URIRef(NIF + "sentence"))})


OLD_FORMS = {"a plain-string label": _plain_label, "a plain-string headline": _plain_headline,
             "an entity named by skos:prefLabel only": _named_by_preferred_label_only,
             "spans and an article without a nif:Context": _no_context_at_all,
             "evidence with a span of its own": _evidence_with_its_own_span}


@pytest.mark.parametrize("inference", INFERENCE)
@pytest.mark.parametrize("form", OLD_FORMS, ids=list(OLD_FORMS))
def test_what_the_one_graph_writer_wrote_is_now_rejected(shapes, tbox, form, inference):
    remove, add, expected = OLD_FORMS[form]()
    assert _broken(shapes, tbox, remove=remove, add=add, inference=inference) == expected

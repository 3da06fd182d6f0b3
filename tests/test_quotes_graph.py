"""Quotations in a document's graph (graph/rdf.py) on hand-built records: no model, a real Oxigraph store,
the real shapes."""
from __future__ import annotations

from datetime import datetime, timezone

import pyoxigraph as ox
import pytest
from pyshacl import validate
from rdflib import Graph, URIRef

from newsgraph.graph.iris import Iris
from newsgraph.graph.rdf import document_quads
from newsgraph.resources import read_text
from newsgraph.types import (AnalysedDocument, Document, Entity, EntityType, Event, Membership, Mention, Provenance,
                             Quotation, Resolution, ResolvedMention, Segment, Sentence)

BASE = "https://w3id.org/newsgraph/id/"
KEY = "border-talks-1a2b3c4d"
WHEN = datetime(2025, 3, 4, 9, 30, tzinfo=timezone.utc)
PREFIXES = """
PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""
# An invented article (written for these tests): a headline and three sentences.
PARTS = ["Talks in Oslo", "“We will stay,” Anna Berg said.", "Officials said the border would close.",
         "Berg said Russia attacked Ukraine."]
TEXT = f"{PARTS[0]}\n\n{' '.join(PARTS[1:])}"


def at(text: str, within: int = 0, part: int | None = None) -> tuple[int, int]:
    start = TEXT.index(text, TEXT.index(PARTS[part]) if part is not None else within)
    return start, start + len(text)


SENTENCES = tuple(Sentence(*at(p), p, None) for p in PARTS)


def prov(i: int, extractor: str) -> Provenance:
    s = SENTENCES[i]
    return Provenance(KEY, None, s.start, s.end, s.text, extractor, 0.9)


def mention(surface: str, part: int, key: str) -> ResolvedMention:
    start, end = at(surface, part=part)
    return ResolvedMention(KEY, Mention(start, end, surface, "X", part), key)


BERG, RUS, UKR, OSLO = "person/anna-berg", "state/RUS", "state/UKR", "place/oslo"
ENTITIES = (Entity(BERG, EntityType.PERSON, "Anna Berg", ("Berg",)),
            Entity(RUS, EntityType.STATE, "Russia", (), "RUS", "RU"),
            Entity(UKR, EntityType.STATE, "Ukraine", (), "UKR", "UA"),
            Entity(OSLO, EntityType.PLACE, "Oslo"))
MENTIONS = (mention("Oslo", 0, OSLO), mention("Anna Berg", 1, BERG), mention("Berg", 3, BERG),
            mention("Russia", 3, RUS), mention("Ukraine", 3, UKR))
STAY = Quotation(BERG, "We will stay", (at("We will stay", part=1),), "say", True, (prov(1, "quotes.direct.v1"),),
                 cue_span=at("said", part=1), reported=WHEN)
BORDER = Quotation(None, "the border would close", (at("the border would close"),), "say", False,
                   (prov(2, "quotes.reported.v1"),), cue_span=at("said", part=2), reported=WHEN)
ATTACK_SAID = Quotation(BERG, "Russia attacked Ukraine", (at("Russia attacked Ukraine"),), "say", False,
                        (prov(3, "quotes.reported.v1"),), cue_span=at("said", part=3), about=(RUS, UKR),
                        reported=WHEN)
QUOTATIONS = (STAY, BORDER, ATTACK_SAID)
ATTACK = Event("ASSAULT", RUS, UKR, provenance=(prov(3, "events.svo.v1"),), reported=WHEN,
               according_to=ATTACK_SAID.spans[0])


def analysed() -> AnalysedDocument:
    doc = Document(KEY, "border-talks.txt", TEXT, "sha256:" + "cd" * 32, (Segment(0, len(TEXT)),),
                   title=PARTS[0], published=WHEN)
    return AnalysedDocument(doc, SENTENCES, tuple(m.mention for m in MENTIONS))


def store_of(quotations=QUOTATIONS, events=(ATTACK,), memberships=()) -> ox.Store:
    store = ox.Store()
    store.extend(document_quads(Iris(BASE), analysed(), Resolution(ENTITIES, MENTIONS), memberships, events,
                                quotations))
    return store


def rows(store: ox.Store, query: str) -> list[dict]:
    result = store.query(PREFIXES + query, use_default_graph_as_union=True)
    return [{v.value: row[v.value] for v in result.variables} for row in result]


def quotation_iri(q: Quotation) -> str:
    return str(Iris(BASE).quotation(KEY, *q.spans[0]))


def test_a_quotation_is_written_with_its_speaker_words_cue_and_quotedness():
    (row,) = rows(store_of(), """SELECT ?speaker ?text ?cue ?direct ?when ?part WHERE {
        ?q a ng:Quotation ; ng:speaker ?speaker ; schema:text ?text ; ng:cue ?cue ; ng:direct ?direct ;
           ng:reportedAt ?when ; schema:isPartOf ?part . FILTER(?direct) }""")
    assert row["speaker"].value == BASE + BERG
    assert (row["text"].value, row["text"].language) == ("We will stay", "en")
    assert row["cue"].value == "say" and row["direct"].value == "true"
    assert row["when"].value in {"2025-03-04T09:30:00+00:00", "2025-03-04T09:30:00Z"}  # Oxigraph writes Z
    assert row["part"].value == f"{BASE}doc/{KEY}"


def test_the_words_and_the_cue_are_nif_strings_of_the_documents_text():
    store = store_of()
    for q in QUOTATIONS:
        found = rows(store, f"""SELECT ?p ?anchor ?begin ?end ?context WHERE {{
            <{quotation_iri(q)}> ?p ?span . VALUES ?p {{ ng:content ng:cueSpan }}
            ?span a nif:String ; nif:anchorOf ?anchor ; nif:beginIndex ?begin ; nif:endIndex ?end ;
                  nif:referenceContext ?context }}""")
        assert len(found) == 2
        for row in found:
            begin, end = int(row["begin"].value), int(row["end"].value)
            assert TEXT[begin:end] == row["anchor"].value
            assert row["context"].value == f"{BASE}doc/{KEY}#char=0,{len(TEXT)}"
        assert {r["anchor"].value for r in found} == {q.text, "said"}


def test_an_unnamed_source_gives_a_quotation_without_a_speaker():
    found = rows(store_of(), f"SELECT ?s WHERE {{ <{quotation_iri(BORDER)}> ng:speaker ?s }}")
    assert found == []
    (row,) = rows(store_of(), f"SELECT ?direct WHERE {{ <{quotation_iri(BORDER)}> ng:direct ?direct }}")
    assert row["direct"].value == "false"


def test_a_quotation_has_evidence_on_its_sentence_and_says_what_its_words_mention():
    store = store_of()
    (row,) = rows(store, f"""SELECT ?extractor ?sentence WHERE {{ <{quotation_iri(ATTACK_SAID)}> prov:wasDerivedFrom ?e .
        ?e a ng:Evidence ; ng:extractor ?extractor ; oa:hasTarget/nif:anchorOf ?sentence }}""")
    assert (row["extractor"].value, row["sentence"].value) == ("quotes.reported.v1", PARTS[3])
    about = rows(store, f"SELECT ?e WHERE {{ <{quotation_iri(ATTACK_SAID)}> schema:about ?e }}")
    assert {r["e"].value for r in about} == {BASE + RUS, BASE + UKR}


def test_an_event_read_from_someones_words_is_according_to_the_quotation_and_attributed_to_its_speaker():
    (row,) = rows(store_of(), """SELECT ?q ?who WHERE { ?e a ng:Event ; ng:accordingTo ?q ; prov:wasAttributedTo ?who }""")
    assert (row["q"].value, row["who"].value) == (quotation_iri(ATTACK_SAID), BASE + BERG)


def test_a_membership_from_an_unnamed_sources_words_is_according_to_it_and_attributed_to_no_one():
    role = Membership(BERG, "envoy", provenance=(prov(2, "roles.apposition.v1"),), according_to=BORDER.spans[0])
    store = store_of(memberships=(role,))
    (row,) = rows(store, "SELECT ?q WHERE { ?m a <http://www.w3.org/ns/org#Membership> ; ng:accordingTo ?q }")
    assert row["q"].value == quotation_iri(BORDER)
    assert rows(store, "SELECT ?who WHERE { ?m a <http://www.w3.org/ns/org#Membership> ; prov:wasAttributedTo ?who }") == []


def test_the_same_records_give_the_same_quads_and_the_iri_hashes_document_and_first_span():
    assert document_quads(Iris(BASE), analysed(), Resolution(ENTITIES, MENTIONS), (), (ATTACK,), QUOTATIONS) == \
        document_quads(Iris(BASE), analysed(), Resolution(ENTITIES, MENTIONS), (), (ATTACK,), QUOTATIONS)
    iris = Iris(BASE)
    assert iris.quotation(KEY, 1, 5) == iris.quotation(KEY, 1, 5)
    assert len({iris.quotation(KEY, 1, 5), iris.quotation(KEY, 1, 6), iris.quotation("other", 1, 5)}) == 3
    assert str(iris.quotation(KEY, 1, 5)).startswith(BASE + "quotation/")


def test_a_quotation_without_words_or_evidence_in_the_document_is_refused():
    with pytest.raises(ValueError):
        store_of(quotations=(Quotation(BERG, "x", (), "say", True, (prov(1, "quotes.direct.v1"),)),), events=())
    elsewhere = Provenance("other-doc", None, 0, 5, "Other", "quotes.direct.v1", 0.9)
    with pytest.raises(ValueError):
        store_of(quotations=(Quotation(BERG, "x", (at("We will stay"),), "say", True, (elsewhere,)),), events=())


def _graph(store: ox.Store) -> Graph:
    data = ox.serialize(store, format=ox.RdfFormat.N_QUADS).decode("utf-8")
    graph = Graph()
    for line in data.splitlines():  # the document graph's quads as triples
        graph.parse(data=line.rsplit(" ", 2)[0] + " .", format="nt")
    return graph


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_a_document_with_quotations_conforms_to_the_shapes(inference):
    shapes = Graph().parse(data=read_text("shapes.ttl"), format="turtle")
    tbox = Graph().parse(data=read_text("newsgraph.ttl"), format="turtle") if inference == "rdfs" else None
    conforms, _, text = validate(_graph(store_of()), shacl_graph=shapes, ont_graph=tbox, inference=inference)
    assert conforms, text[:3000]


@pytest.mark.parametrize("bad, path", [("two speakers", "speaker"), ("no words", "text"), ("words not @en", "text"),
                                       ("direct not boolean", "direct")])
def test_the_quotation_shape_rejects_a_malformed_quotation(bad, path):
    store = store_of()
    q = ox.NamedNode(quotation_iri(STAY))
    graph = ox.NamedNode(f"{BASE}graph/{KEY}")
    ng = "https://w3id.org/newsgraph/ontology#"
    text = ox.NamedNode("https://schema.org/text")
    if bad == "two speakers":
        store.add(ox.Quad(q, ox.NamedNode(ng + "speaker"), ox.NamedNode(BASE + RUS), graph))
    elif bad in {"no words", "words not @en"}:
        store.remove(ox.Quad(q, text, ox.Literal("We will stay", language="en"), graph))
        if bad == "words not @en":
            store.add(ox.Quad(q, text, ox.Literal("We will stay"), graph))
    else:
        store.remove(ox.Quad(q, ox.NamedNode(ng + "direct"), ox.Literal(True), graph))
        store.add(ox.Quad(q, ox.NamedNode(ng + "direct"), ox.Literal("yes"), graph))
    shapes = Graph().parse(data=read_text("shapes.ttl"), format="turtle")
    conforms, report, _ = validate(_graph(store), shacl_graph=shapes, inference="none")
    sh = "http://www.w3.org/ns/shacl#"
    found = {(str(report.value(r, URIRef(sh + "focusNode"))), str(report.value(r, URIRef(sh + "resultPath"))))
             for r in report.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                      URIRef(sh + "ValidationResult"))}
    assert not conforms
    assert any(focus == q.value and p.endswith(path) for focus, p in found), found

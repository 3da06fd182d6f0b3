"""One document's quads (graph/rdf.py ``document_quads``), on hand-built records: no model, a real Oxigraph store."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pyoxigraph as ox
import pytest

from newsgraph.errors import GraphError
from newsgraph.graph.iris import Iris
from newsgraph.graph.rdf import COUNTRY_AUTHORITY, country_authority, document_quads
from newsgraph.types import (AnalysedDocument, Document, Entity, EntityType, Event, Membership, Mention, Post,
                             Provenance, Resolution, ResolvedMention, Segment, Sentence)

BASE = "https://w3id.org/newsgraph/id/"
KEY = "ministers-live-0a1b2c3d"
URL = "https://news.example.org/live/ministers"
NG = "https://w3id.org/newsgraph/ontology#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OA_TARGET = "http://www.w3.org/ns/oa#hasTarget"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# An invented two-post live blog (written for these tests).
PARTS = ["Ministers gather in Vilnius", "On Monday, foreign minister Ines Varga of Ukraine met Kosovo's envoy in Vilnius.",
         "Varga said the talks went well.", "Troops move east", "Ukraine sent troops to the border."]
TEXT = f"{PARTS[0]}\n\n{PARTS[1]} {PARTS[2]}\n\n{PARTS[3]}\n\n{PARTS[4]}"
MONDAY = datetime(2024, 5, 6, 9, 30, tzinfo=timezone.utc)


def _span(part: int) -> tuple[int, int]:
    start = TEXT.index(PARTS[part])
    return start, start + len(PARTS[part])


def _sentences() -> tuple[Sentence, ...]:
    posts = (1, 1, 1, 2, 2)
    return tuple(Sentence(*_span(i), PARTS[i], posts[i]) for i in range(len(PARTS)))  # no tokens: not needed


def _mention(surface: str, sentence: int, key: str, nth: int = 0) -> ResolvedMention:
    start = TEXT.index(surface, _span(sentence)[0])
    for _ in range(nth):
        start = TEXT.index(surface, start + 1)
    s = _sentences()[sentence]
    return ResolvedMention(KEY, Mention(start, start + len(surface), surface, "X", sentence, s.post), key)


def _prov(sentence: int, extractor: str = "events.svo.v1", confidence: float = 0.8) -> Provenance:
    s = _sentences()[sentence]
    return Provenance(KEY, s.post, s.start, s.end, s.text, extractor, confidence)


def document(url: str | None = URL) -> AnalysedDocument:
    first, second = _span(0)[0], _span(3)[0]
    doc = Document(key=KEY, source="live/ministers.txt", text=TEXT, content_hash="sha256:" + "ab" * 32,
                   segments=(Segment(0, len(TEXT)),), title="Ministers: live", author="Ann Writer",
                   published=MONDAY, url=url, is_live_blog=True,
                   posts=(Post(1, first, second - 2, "Ministers gather in Vilnius", "Ann Writer", MONDAY),
                          Post(2, second, len(TEXT), "Troops move east", None, date(2024, 5, 6))))
    return AnalysedDocument(doc, _sentences(), ())


ENTITIES = (
    Entity("person/ines-varga", EntityType.PERSON, "Ines Varga", ("Varga",)),
    Entity("state/UKR", EntityType.STATE, "Ukraine", ("Ukrainian",), "UKR", "UA"),
    Entity("state/XKX", EntityType.STATE, "Kosovo", (), "XKX", "XK"),
    Entity("place/vilnius", EntityType.PLACE, "Vilnius"),
)
MENTIONS = (
    _mention("Vilnius", 0, "place/vilnius"), _mention("Ines Varga", 1, "person/ines-varga"),
    _mention("Ukraine", 1, "state/UKR"), _mention("Kosovo", 1, "state/XKX"),
    _mention("Vilnius", 1, "place/vilnius"), _mention("Varga", 2, "person/ines-varga"),
    _mention("Ukraine", 4, "state/UKR"),
)
MEMBERSHIPS = (Membership("person/ines-varga", "foreign minister", "state/UKR", date=MONDAY, provenance=(_prov(1),),
                          began=2022),)
EVENTS = (
    Event("CONSULT", "person/ines-varga", "state/XKX", place="place/vilnius", time=date(2024, 5, 6),
          provenance=(_prov(1), _prov(2, "events.said.v1", 0.6)), reported=MONDAY),
    Event("MOBILIZE", "state/UKR", None, provenance=(_prov(4),), reported=date(2024, 5, 6), agent_sector="military"),
)


def quads(ad: AnalysedDocument | None = None, memberships=MEMBERSHIPS, events=EVENTS) -> list[ox.Quad]:
    return document_quads(Iris(BASE), ad or document(), Resolution(ENTITIES, MENTIONS), memberships, events)


def store_of(qs: list[ox.Quad]) -> ox.Store:
    store = ox.Store()
    store.extend(qs)
    return store


def select(store: ox.Store, query: str) -> list[tuple]:
    prefixes = {"ng": NG, "nif": NIF, "skos": SKOS, "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
                "oa": "http://www.w3.org/ns/oa#", "schema": "https://schema.org/", "dcterms": "http://purl.org/dc/terms/",
                "prov": "http://www.w3.org/ns/prov#", "org": "http://www.w3.org/ns/org#"}
    return [tuple(row) for row in store.query(query, prefixes=prefixes, use_default_graph_as_union=True)]


def objects(qs: list[ox.Quad], subject: str | None, predicate: str) -> list:
    return [q.object for q in qs if (subject is None or q.subject.value == subject) and q.predicate.value == predicate]


def subjects_of_type(qs: list[ox.Quad], cls: str) -> set[str]:
    return {q.subject.value for q in qs if q.predicate.value == RDF_TYPE and q.object.value == cls}


# ------------------------------------------------------------------ the graph


def test_every_quad_is_in_the_documents_named_graph():
    qs = quads()
    assert qs and {q.graph_name for q in qs} == {ox.NamedNode(BASE + f"graph/{KEY}")}


def test_the_same_records_give_the_same_quads_each_once():
    first, again = quads(), quads()
    assert first == again
    assert len(set(first)) == len(first)


def test_a_document_has_one_nif_context_holding_its_exact_text():
    qs = quads()
    (context,) = subjects_of_type(qs, NIF + "Context")
    assert context == BASE + f"doc/{KEY}#char=0,{len(TEXT)}"
    (text,) = objects(qs, context, NIF + "isString")
    assert (text.value, text.datatype.value, text.language) == (TEXT, XSD_STRING, None)  # NIF: a plain string
    assert [o.value for o in objects(qs, context, NIF + "beginIndex")] == ["0"]
    assert [o.value for o in objects(qs, context, NIF + "endIndex")] == [str(len(TEXT))]
    assert [o.value for o in objects(qs, context, NIF + "predLang")] == ["http://lexvo.org/id/iso639-3/eng"]
    assert [o.value for o in objects(qs, context, "http://purl.org/dc/terms/source")] == [BASE + f"doc/{KEY}"]
    assert [o.value for o in objects(qs, context, NIF + "sourceUrl")] == [URL]


def test_a_document_without_a_url_has_no_source_url_and_no_schema_url():
    qs = quads(document(url=None))
    assert objects(qs, None, NIF + "sourceUrl") == objects(qs, None, "https://schema.org/url") == []
    assert len(subjects_of_type(qs, NIF + "Context")) == 1


def test_every_sentence_and_mention_refers_to_the_context_and_its_offsets_cut_its_anchor_out_of_the_text():
    qs = quads()
    (context,) = subjects_of_type(qs, NIF + "Context")
    text = objects(qs, context, NIF + "isString")[0].value
    spans = subjects_of_type(qs, NIF + "Sentence") | subjects_of_type(qs, NG + "Mention")
    assert len(spans) == 4 + len(MENTIONS)  # the sentences something was read from or named in: not PARTS[3]
    for span in spans:
        assert [o.value for o in objects(qs, span, NIF + "referenceContext")] == [context], span
        (anchor,) = objects(qs, span, NIF + "anchorOf")
        (begin,), (end,) = objects(qs, span, NIF + "beginIndex"), objects(qs, span, NIF + "endIndex")
        assert text[int(begin.value):int(end.value)] == anchor.value, span
        assert anchor.datatype.value == XSD_STRING


def test_evidence_annotates_its_sentence_and_has_no_span_of_its_own():
    qs = quads()
    evidence = subjects_of_type(qs, NG + "Evidence")
    assert len(evidence) == 4  # the membership's, two of the meeting, one of the troops
    for ev in evidence:
        (sentence,) = objects(qs, ev, OA_TARGET)
        assert NIF + "Sentence" in {o.value for o in objects(qs, sentence.value, RDF_TYPE)}
        for own in ("anchorOf", "beginIndex", "endIndex", "sentence", "referenceContext"):
            assert objects(qs, ev, NIF + own) == [], (ev, own)
    store = store_of(qs)
    said = select(store, """SELECT ?text ?extractor WHERE { ?event a ng:Event ; prov:wasDerivedFrom ?ev .
        ?ev oa:hasTarget/nif:anchorOf ?text ; ng:extractor ?extractor } ORDER BY ?extractor ?text""")
    assert [(t.value, x.value) for t, x in said] == [(PARTS[2], "events.said.v1"), (PARTS[1], "events.svo.v1"),
                                                     (PARTS[4], "events.svo.v1")]


def test_evidence_is_part_of_the_post_it_was_read_in():
    store = store_of(quads())
    rows = select(store, """SELECT ?post ?position ?headline WHERE { ?m a org:Membership ;
        prov:wasDerivedFrom/schema:isPartOf ?post . ?post ng:position ?position ; schema:headline ?headline }""")
    # the membership was read in the first post (posts are named by time and headline, not by position)
    first = Iris(BASE).post(KEY, Iris.post_keys(document().document.posts)[1])
    assert [(p.value, int(n.value), h.value) for p, n, h in rows] == [(str(first), 1, PARTS[0])]
    for ev in subjects_of_type(quads(), NG + "Evidence"):  # the post (or article) of the sentence it annotates
        (post,) = select(store, f"""SELECT ?post WHERE {{ <{ev}> schema:isPartOf ?post ;
            oa:hasTarget/schema:isPartOf ?post }}""")
        assert post[0].value.startswith(BASE + f"doc/{KEY}/post/"), ev


# ------------------------------------------------------------------ entities and labels


def test_entities_are_named_by_rdfs_label_in_english_and_carry_no_preferred_label():
    qs = quads()
    labels = {q.subject.value: q.object for q in qs if q.predicate.value == RDFS_LABEL}
    assert set(labels) == {BASE + e.key for e in ENTITIES}  # the store finds a document's entities this way
    assert labels[BASE + "person/ines-varga"] == ox.Literal("Ines Varga", language="en")
    assert objects(qs, BASE + "person/ines-varga", SKOS + "altLabel") == [ox.Literal("Varga", language="en")]
    assert objects(qs, BASE + "person/ines-varga", SKOS + "prefLabel") == []


def test_posts_headlines_and_role_names_are_english_literals():
    qs = quads()
    headlines = objects(qs, None, "https://schema.org/headline")
    assert len(headlines) == 3 and {h.language for h in headlines} == {"en"}
    assert objects(qs, BASE + "role/foreign-minister", SKOS + "prefLabel") == [
        ox.Literal("foreign minister", language="en")]


def test_a_state_with_an_iso_code_links_to_the_eu_country_authority_and_kosovo_does_not():
    qs = quads()
    assert [o.value for o in objects(qs, BASE + "state/UKR", SKOS + "exactMatch")] == [COUNTRY_AUTHORITY + "UKR"]
    assert objects(qs, BASE + "state/XKX", SKOS + "exactMatch") == []
    assert objects(qs, BASE + "person/ines-varga", SKOS + "exactMatch") == []


def test_only_codes_iso_assigns_have_an_authority_entry():
    assert country_authority("UKR") == "http://publications.europa.eu/resource/authority/country/UKR"
    assert country_authority("ABW") is not None  # a territory with its own ISO code
    for code in ("XKX", "ZZZ", "QMA", "AAA", "ABC", "", None):
        assert country_authority(code) is None, code


# ------------------------------------------------------------------ what was written before stays


def test_memberships_events_and_their_times_are_written_as_before():
    store = store_of(quads())
    (row,) = select(store, """SELECT ?role ?org ?asof ?began WHERE { ?m a org:Membership ; org:role/skos:prefLabel ?role ;
        org:organization ?org ; ng:asOf ?asof ; org:memberDuring/<http://www.w3.org/2006/time#hasBeginning>/
        <http://www.w3.org/2006/time#inXSDgYear> ?began }""")
    role, org, as_of, began = (t.value for t in row)
    assert (role, org, datetime.fromisoformat(as_of), began) == ("foreign minister", BASE + "state/UKR", MONDAY, "2022")
    rows = select(store, """SELECT ?type ?stamp ?reported WHERE { ?e ng:eventType ?type ; ng:reportedAt ?reported
        OPTIONAL { ?e <http://semanticweb.cs.vu.nl/2009/11/sem/hasTimeStamp> ?stamp } } ORDER BY ?type""")
    assert [(t.value.rsplit("#", 1)[1], s and s.value, r.value) for t, s, r in rows] == [
        ("CONSULT", "2024-05-06", "2024-05-06T09:30:00Z"), ("MOBILIZE", None, "2024-05-06")]  # the store's canonical form


def test_the_as_of_instant_of_a_timed_membership_is_an_xsd_date_time_stamp():
    qs = quads()
    stamps = objects(qs, BASE + f"instant/{MONDAY.isoformat()}", "http://www.w3.org/2006/time#inXSDDateTimeStamp")
    assert [s.datatype.value for s in stamps] == ["http://www.w3.org/2001/XMLSchema#dateTimeStamp"]


# ------------------------------------------------------------------ records that do not belong


def test_a_mention_of_another_document_is_refused():
    stray = ResolvedMention("other-document", MENTIONS[0].mention, "place/vilnius")
    with pytest.raises(ValueError, match="other-document"):
        document_quads(Iris(BASE), document(), Resolution(ENTITIES, (*MENTIONS, stray)), (), ())


def test_an_assertion_without_evidence_in_this_document_is_refused():
    elsewhere = Provenance("other-document", None, 0, 5, "Other", "events.svo.v1", 0.8)
    event = Event("CONSULT", "person/ines-varga", "state/UKR", provenance=(elsewhere,))
    with pytest.raises(ValueError, match="no evidence in document"):
        quads(memberships=(), events=(event,))


def test_a_url_rdf_cannot_hold_is_a_one_line_graph_error():
    with pytest.raises(GraphError, match="give a well-formed http"):
        quads(document(url="https://example.org/a b"))

"""The ontology folder agrees with itself, with vocab.py and with docs/graph-model.md.

The Turtle files are the source of truth; these tests fail when the Python
names drift from them, when the contract page uses a term the ontology does
not define, and when the SHACL shapes stop accepting what the contract shows
or stop rejecting what it forbids.
"""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest
from pyshacl import validate
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from newsgraph.resources import read_text
from newsgraph.vocab import (
    NG,
    NG_IRI,
    NIF,
    OA,
    ORG,
    PLOVER,
    PLOVER_CODES,
    PLOVER_IRI,
    PREFIXES,
    PROV,
    SCHEMA,
    SECTOR,
    SECTOR_IRI,
    SECTORS,
    SEM,
    SH,
    bind_prefixes,
    mode_name,
    plover_code,
    plover_mode,
    sector_iri,
)

REPO = Path(__file__).resolve().parents[1]
GRAPH_MODEL = REPO / "docs" / "graph-model.md"
TTL_FILES = ("newsgraph.ttl", "plover.ttl", "sectors.ttl", "shapes.ttl")
BASE = "https://w3id.org/newsgraph/id/"
# rdflib's XSD warns on any unknown attribute, and pytest probes module globals
# for mock markers during collection; a plain namespace keeps the run quiet.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")


def _graph(name: str) -> Graph:
    return Graph().parse(data=read_text(name), format="turtle")


@pytest.fixture(scope="module")
def tbox() -> Graph:
    return _graph("newsgraph.ttl")


@pytest.fixture(scope="module")
def plover() -> Graph:
    return _graph("plover.ttl")


@pytest.fixture(scope="module")
def sectors() -> Graph:
    return _graph("sectors.ttl")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return _graph("shapes.ttl")


def _plover_types(plover: Graph) -> set[str]:
    """Local names plover.ttl defines, less its mode concepts (those with a skos:broader)."""
    modes = _local_names(plover.subjects(SKOS.broader, None), PLOVER_IRI)
    return _defined(plover, PLOVER_IRI) - modes


def _local_names(iris, namespace: str) -> set[str]:
    return {str(i)[len(namespace) :] for i in iris if isinstance(i, URIRef) and str(i).startswith(namespace)}


def _defined(graph: Graph, namespace: str) -> set[str]:
    """Local names of the terms a file defines: subjects typed in it."""
    return _local_names(graph.subjects(RDF.type, None), namespace)


def _used(graph: Graph, namespace: str) -> set[str]:
    return _local_names((t for triple in graph for t in triple), namespace)


def _diff(left_name: str, left: set[str], right_name: str, right: set[str]) -> str:
    return (
        f"only in {left_name}: {sorted(left - right)}; "
        f"only in {right_name}: {sorted(right - left)}"
    )


# ------------------------------------------------------------------ parsing


@pytest.mark.parametrize("name", TTL_FILES)
def test_turtle_file_parses_identically_with_rdflib_and_pyoxigraph(name):
    text = read_text(name)
    rdflib_graph = Graph().parse(data=text, format="turtle")
    oxi_triples = list(pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.TURTLE))
    assert len(rdflib_graph) > 0
    assert len(oxi_triples) == len(rdflib_graph)


# ------------------------------------------------------------------ vocab.py vs Turtle


def test_python_ng_namespace_lists_exactly_the_terms_newsgraph_ttl_defines(tbox):
    in_turtle = _defined(tbox, NG_IRI)
    in_python = set(NG.__annotations__)
    assert in_python == in_turtle, _diff("vocab.NG", in_python, "newsgraph.ttl", in_turtle)


def test_python_plover_namespace_lists_exactly_the_terms_plover_ttl_defines(plover):
    in_turtle = _plover_types(plover)
    in_python = set(PLOVER.__annotations__)
    assert in_python == in_turtle, _diff("vocab.PLOVER", in_python, "plover.ttl", in_turtle)


def test_python_sector_namespace_lists_exactly_the_terms_sectors_ttl_defines(sectors):
    in_turtle = _defined(sectors, SECTOR_IRI)
    in_python = set(SECTOR.__annotations__)
    assert in_python == in_turtle, _diff("vocab.SECTOR", in_python, "sectors.ttl", in_turtle)
    assert set(SECTORS) == in_python - {"scheme"}


def test_every_ng_and_plover_term_used_in_the_ontology_files_is_defined(tbox, plover, sectors, shapes):
    defined_ng, defined_plover = _defined(tbox, NG_IRI), _defined(plover, PLOVER_IRI)
    defined_sector = _defined(sectors, SECTOR_IRI)
    for name, graph in (("newsgraph.ttl", tbox), ("plover.ttl", plover), ("sectors.ttl", sectors), ("shapes.ttl", shapes)):
        assert _used(graph, SECTOR_IRI) <= defined_sector, (
            f"{name} uses undefined sector: terms {sorted(_used(graph, SECTOR_IRI) - defined_sector)}"
        )
        assert _used(graph, NG_IRI) <= defined_ng, f"{name} uses undefined ng: terms {sorted(_used(graph, NG_IRI) - defined_ng)}"
        assert _used(graph, PLOVER_IRI) <= defined_plover, (
            f"{name} uses undefined plover: terms {sorted(_used(graph, PLOVER_IRI) - defined_plover)}"
        )


def test_every_term_the_graph_model_page_uses_is_defined(tbox, plover, sectors):
    page = GRAPH_MODEL.read_text(encoding="utf-8")
    used_ng = set(re.findall(r"\bng:([A-Za-z_][A-Za-z0-9_]*)", page))
    used_plover = set(re.findall(r"\bplover:([A-Za-z_][A-Za-z0-9_]*)", page))
    used_sector = set(re.findall(r"\bsector:([A-Za-z_][A-Za-z0-9_]*)", page))
    assert used_sector <= _defined(sectors, SECTOR_IRI), f"undefined: {sorted(used_sector - _defined(sectors, SECTOR_IRI))}"
    assert {"Person", "Event", "Evidence", "refersTo"} <= used_ng, "the term scan found too little: check the regex"
    assert used_ng <= _defined(tbox, NG_IRI), f"undefined: {sorted(used_ng - _defined(tbox, NG_IRI))}"
    assert used_plover <= _defined(plover, PLOVER_IRI), f"undefined: {sorted(used_plover - _defined(plover, PLOVER_IRI))}"


def test_unknown_term_is_an_error_not_a_new_iri():
    with pytest.raises(AttributeError):
        NG.agnet  # noqa: B018
    with pytest.raises(AttributeError):
        PLOVER.ATTACK  # noqa: B018
    with pytest.raises(AttributeError):
        SECTOR.army  # noqa: B018


# ------------------------------------------------------------------ the ontology itself


def test_ontology_header_has_version_title_description_and_licence(tbox):
    onto = URIRef("https://w3id.org/newsgraph/ontology")
    assert (onto, RDF.type, OWL.Ontology) in tbox
    for prop in (OWL.versionInfo, URIRef("http://purl.org/dc/terms/title"),
                 URIRef("http://purl.org/dc/terms/description"), URIRef("http://purl.org/dc/terms/license")):
        assert tbox.value(onto, prop) is not None, f"ontology header lacks {prop}"


def test_every_ng_term_has_a_label_and_a_definition(tbox):
    missing = []
    for name in sorted(_defined(tbox, NG_IRI)):
        term = NG[name]
        if tbox.value(term, RDFS.label) is None:
            missing.append(f"{name}: rdfs:label")
        if tbox.value(term, SKOS.definition) is None and tbox.value(term, RDFS.comment) is None:
            missing.append(f"{name}: skos:definition")
    assert not missing, missing


def test_every_property_declares_its_kind_domain_and_range(tbox):
    props = set(tbox.subjects(RDF.type, OWL.ObjectProperty)) | set(tbox.subjects(RDF.type, OWL.DatatypeProperty))
    assert props, "no properties found"
    for p in props:
        assert tbox.value(p, RDFS.domain) is not None, f"{p} has no rdfs:domain"
        assert tbox.value(p, RDFS.range) is not None, f"{p} has no rdfs:range"
    annotations = set(tbox.subjects(RDF.type, OWL.AnnotationProperty))
    untyped = {n for n in _defined(tbox, NG_IRI) if n[0].islower()} - _local_names(props | annotations, NG_IRI)
    assert not untyped, f"lower-case ng: terms that are not declared properties: {sorted(untyped)}"


def _superclasses(tbox: Graph, cls: URIRef) -> set[URIRef]:
    return set(tbox.transitive_objects(cls, RDFS.subClassOf)) - {cls}


def test_every_class_but_modality_is_aligned_to_a_standard_vocabulary(tbox):
    classes = {c for c in tbox.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
    for cls in classes - {NG.Modality}:
        external = {s for s in _superclasses(tbox, cls) if isinstance(s, URIRef) and not str(s).startswith(NG_IRI)}
        assert external, f"{cls} is not a subclass of any FOAF/ORG/schema.org/SEM/PROV/NIF class"


def test_person_organisation_and_state_are_actors_and_places_are_not(tbox):
    for cls in (NG.Person, NG.Organisation, NG.State):
        assert NG.Actor in _superclasses(tbox, cls)
    assert NG.Actor not in _superclasses(tbox, NG.Place)
    assert NG.Article in _superclasses(tbox, NG.LiveBlog)


def test_modality_has_exactly_the_three_individuals_and_says_only_asserted_is_fact(tbox):
    individuals = set(tbox.subjects(RDF.type, NG.Modality))
    assert individuals == {NG.Asserted, NG.Negated, NG.Hypothetical}
    definition = str(tbox.value(NG.Modality, SKOS.definition)).lower()
    assert "negated" in definition and "hypothetical" in definition and "asserted" in definition


def test_target_is_optional_in_the_definitions_of_event_and_target(tbox):
    assert "two actors" not in str(tbox.value(NG.Event, SKOS.definition))
    assert "optional" in str(tbox.value(NG.target, SKOS.definition)).lower()


def test_mode_and_sectors_are_functional_event_properties_ranging_over_skos_concepts(tbox):
    for p in (NG.mode, NG.agentSector, NG.targetSector):
        assert (p, RDF.type, OWL.ObjectProperty) in tbox and (p, RDF.type, OWL.FunctionalProperty) in tbox, p
        assert tbox.value(p, RDFS.domain) == NG.Event and tbox.value(p, RDFS.range) == SKOS.Concept, p


def test_agent_and_target_specialise_sem_has_actor_and_refers_to_specialises_its_ta_ident_ref(tbox):
    for p in (NG.agent, NG.target):
        assert (p, RDFS.subPropertyOf, SEM.hasActor) in tbox
    assert (NG.refersTo, RDFS.subPropertyOf, URIRef("http://www.w3.org/2005/11/its/rdf#taIdentRef")) in tbox


def test_lookup_key_is_an_internal_annotation_property_of_the_entities_graph(tbox):
    assert (NG.lookupKey, RDF.type, OWL.AnnotationProperty) in tbox
    assert (NG.lookupKey, RDF.type, OWL.DatatypeProperty) not in tbox
    assert "graph/entities" in str(tbox.value(NG.lookupKey, SKOS.definition))


def test_evidence_annotates_a_sentence_and_is_no_second_nif_string(tbox):
    supers = _superclasses(tbox, NG.Evidence)
    assert URIRef("http://www.w3.org/ns/oa#Annotation") in supers and PROV.Entity in supers
    assert NIF.String not in supers
    assert NIF.Phrase in _superclasses(tbox, NG.Mention)  # the domain of nif:sentence is nif:Structure


# ------------------------------------------------------------------ PLOVER


def test_plover_mode_iris_are_type_hyphen_mode_and_read_back():
    assert plover_mode("ASSAULT", "aerial") == URIRef(PLOVER_IRI + "ASSAULT-aerial")
    assert mode_name(plover_mode("CONSULT", "third-party")) == "third-party"
    for code, mode in (("ATTACK", "aerial"), ("ASSAULT", "Aerial"), ("ASSAULT", ""), ("ASSAULT", "air strike")):
        with pytest.raises(ValueError):
            plover_mode(code, mode)
    for iri in (PLOVER.ASSAULT, NG.mode, PLOVER_IRI + "ATTACK-aerial"):
        with pytest.raises(ValueError, match="not a PLOVER mode"):
            mode_name(iri)


def test_plover_mode_concepts_when_present_sit_under_their_type_in_a_scheme(plover):
    """Modes are named {TYPE}-{mode} after their skos:broader type (none may be defined yet)."""
    for mode in set(plover.subjects(SKOS.broader, None)):
        code = plover_code(plover.value(mode, SKOS.broader))
        assert str(mode).startswith(f"{PLOVER_IRI}{code}-") and mode_name(mode), mode
        assert (mode, RDF.type, SKOS.Concept) in plover and plover.value(mode, SKOS.inScheme) is not None, mode


# ------------------------------------------------------------------ sectors


def test_sector_scheme_has_the_eighteen_sectors_as_top_concepts(sectors):
    concepts = set(sectors.subjects(RDF.type, SKOS.Concept))
    assert _local_names(concepts, SECTOR_IRI) == set(SECTORS)
    assert len(SECTORS) == 18 == len(set(SECTORS))
    assert set(sectors.objects(SECTOR.scheme, SKOS.hasTopConcept)) == concepts
    assert (SECTOR.scheme, RDF.type, SKOS.ConceptScheme) in sectors


def test_every_sector_has_an_english_label_a_definition_and_a_plover_code(sectors):
    codes = set()
    for name in SECTORS:
        c = SECTOR[name]
        label, definition, code = (sectors.value(c, p) for p in (SKOS.prefLabel, SKOS.definition, SKOS.notation))
        assert label is not None and str(label) == name and label.language == "en", name
        assert definition is not None and definition.language == "en" and len(str(definition)) > 20, name
        assert code is not None and re.fullmatch(r"[A-Z]{3}", str(code)), name
        assert (c, SKOS.inScheme, SECTOR.scheme) in sectors and (c, SKOS.topConceptOf, SECTOR.scheme) in sectors, name
        codes.add(str(code))
    assert len(codes) == len(SECTORS)
    assert {str(sectors.value(SECTOR[n], SKOS.notation)) for n in ("military", "police", "media", "health")} == {
        "MIL", "COP", "JRN", "MED"}


def test_sector_file_cites_its_source():
    text = read_text("sectors.ttl")
    assert "Political Language Ontology for Verifiable Event Records" in text
    assert "Open Event Data Alliance" in text


def test_sector_iri_names_a_sector_and_rejects_others():
    assert [sector_iri(n) for n in SECTORS] == [SECTOR[n] for n in SECTORS]
    with pytest.raises(ValueError, match="not an actor sector"):
        sector_iri("army")


def test_the_wheel_configuration_ships_the_whole_ontology_folder(repo):
    """sectors.ttl ships as the other files do: pyproject force-includes the folder."""
    pyproject = (repo / "pyproject.toml").read_text(encoding="utf-8")
    assert '"ontology" = "newsgraph/ontology"' in pyproject
    assert (repo / "ontology" / "sectors.ttl").is_file()


def test_plover_scheme_has_exactly_the_sixteen_codes_as_top_concepts(plover):
    concepts = set(plover.subjects(RDF.type, SKOS.Concept)) - set(plover.subjects(SKOS.broader, None))
    assert _local_names(concepts, PLOVER_IRI) == set(PLOVER_CODES)
    assert len(PLOVER_CODES) == 16 == len(set(PLOVER_CODES))
    assert set(plover.objects(PLOVER.scheme, SKOS.hasTopConcept)) == concepts
    assert (PLOVER.scheme, RDF.type, SKOS.ConceptScheme) in plover


def test_every_plover_concept_is_documented_and_in_the_scheme(plover):
    for code in PLOVER_CODES:
        c = PLOVER[code]
        label = plover.value(c, SKOS.prefLabel)
        assert label is not None and str(label) == code.lower(), code
        assert plover.value(c, SKOS.definition) is not None, code
        assert plover.value(c, SKOS.example) is not None, code
        assert (c, SKOS.inScheme, PLOVER.scheme) in plover, code
        assert (c, SKOS.topConceptOf, PLOVER.scheme) in plover, code
        assert str(plover.value(c, SKOS.notation)) == code


def test_plover_file_cites_its_source():
    text = read_text("plover.ttl")
    assert "Political Language Ontology for Verifiable Event Records" in text
    assert "Open Event Data Alliance" in text


def test_plover_code_reads_codes_back_and_rejects_other_iris():
    assert [plover_code(PLOVER[c]) for c in PLOVER_CODES] == list(PLOVER_CODES)
    with pytest.raises(ValueError, match="not a PLOVER event type"):
        plover_code(NG.Event)
    with pytest.raises(ValueError):
        plover_code(PLOVER_IRI + "scheme")


# ------------------------------------------------------------------ prefixes


def test_bind_prefixes_makes_turtle_use_the_contract_prefixes():
    g = bind_prefixes(Graph())
    bound = {p: str(ns) for p, ns in g.namespaces()}
    for prefix, ns in PREFIXES.items():
        assert bound.get(prefix) == str(ns), prefix
    g.add((URIRef(BASE + "event/1"), NG.eventType, PLOVER.CONSULT))
    g.add((URIRef(BASE + "event/1"), SCHEMA.headline, Literal("x")))
    text = g.serialize(format="turtle")
    assert "ng:eventType plover:CONSULT" in text
    assert "schema:headline" in text


def test_prefix_table_matches_the_graph_model_page():
    page = GRAPH_MODEL.read_text(encoding="utf-8")
    declared = dict(re.findall(r"@prefix\s+(\w+):\s+<([^>]+)>", page))
    assert declared, "no @prefix lines found in docs/graph-model.md"
    for prefix, iri in declared.items():
        assert str(PREFIXES[prefix]) == iri, prefix


# ------------------------------------------------------------------ SHACL


def test_shapes_graph_is_itself_valid_shacl(shapes):
    conforms, _, text = validate(Graph(), shacl_graph=shapes, meta_shacl=True, inference="none")
    assert conforms, text


def test_every_node_shape_has_a_target_or_is_used_by_one_and_is_explained(shapes):
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    assert len(node_shapes) >= 10
    used = set(shapes.objects(None, SH.node))
    for s in node_shapes:
        targets = [t for p in (SH.targetClass, SH.targetObjectsOf, SH.targetSubjectsOf) for t in shapes.objects(s, p)]
        assert targets or s in used, f"{s} targets nothing and no shape uses it"
        assert shapes.value(s, RDFS.comment) is not None, f"{s} has no rdfs:comment"


def _iri(path: str) -> URIRef:
    return URIRef(BASE + path)


# The contract graph's document: a live blog whose analysed text is a post's headline and one sentence.
HEADLINE = "Roe meets Doe"
SENTENCE_TEXT = "Jane Roe met John Doe in Brussels today."
TEXT = f"{HEADLINE}\n\n{SENTENCE_TEXT}"
SENTENCE_BEGIN = len(HEADLINE) + 2
DOC = _iri("doc/blog-0a1b2c3d")
CONTEXT = _iri(f"doc/blog-0a1b2c3d#char=0,{len(TEXT)}")
SENTENCE = _iri(f"doc/blog-0a1b2c3d#char={SENTENCE_BEGIN},{len(TEXT)}")
MENTION = _iri(f"mention/blog-0a1b2c3d-{SENTENCE_BEGIN}-{SENTENCE_BEGIN + 8}")  # "Jane Roe"
EVIDENCE = _iri("evidence/00112233aabbccdd")
POST = _iri("doc/blog-0a1b2c3d/post/2024-11-13t0833-0a1b2c3d")  # named by its time and headline


def _en(text: str) -> Literal:
    return Literal(text, lang="en")


def contract_graph() -> Graph:
    """A small graph with one of everything the contract describes, built with vocab terms.

    It is the default graph of a store after one document: what the document's
    graph says (rdfs:label and skos:altLabel per entity, the nif:Context and
    the spans that count into it, evidence annotating its sentence) plus the
    one skos:prefLabel per entity the store derives.
    """
    g = bind_prefixes(Graph())
    person, other, state, org, place = (_iri(p) for p in ("person/jane-roe", "person/john-doe", "state/FRA", "org/nato", "place/brussels"))
    doc, post, author = DOC, POST, _iri("author/ann-writer")
    context, sentence, mention = CONTEXT, SENTENCE, MENTION
    role, membership = _iri("role/foreign-minister"), _iri("membership/0123456789abcdef")
    event, evidence = _iri("event/fedcba9876543210"), EVIDENCE
    when = Literal("2024-11-13T08:33:00+00:00", datatype=XSD.dateTime)
    begin = SENTENCE_BEGIN
    triples = [
        (person, RDF.type, NG.Person), (person, RDFS.label, _en("Jane Roe")), (person, SKOS.altLabel, _en("Roe")),
        (person, SKOS.prefLabel, _en("Jane Roe")),
        (other, RDF.type, NG.Person), (other, RDFS.label, _en("John Doe")), (other, SKOS.prefLabel, _en("John Doe")),
        (state, RDF.type, NG.State), (state, RDFS.label, _en("France")), (state, SKOS.prefLabel, _en("France")),
        (state, NG.iso3, Literal("FRA")), (state, NG.iso2, Literal("FR")),
        (state, SKOS.exactMatch, URIRef("http://publications.europa.eu/resource/authority/country/FRA")),
        (org, RDF.type, NG.Organisation), (org, RDFS.label, _en("NATO")), (org, SKOS.prefLabel, _en("NATO")),
        (place, RDF.type, NG.Place), (place, RDFS.label, _en("Brussels")), (place, SKOS.prefLabel, _en("Brussels")),
        (doc, RDF.type, NG.Article), (doc, RDF.type, NG.LiveBlog), (doc, NG.source, Literal("examples/blog.txt")),
        (doc, NG.contentHash, Literal("sha256:" + "ab" * 32)), (doc, SCHEMA.headline, _en("Live")),
        (doc, SCHEMA.datePublished, when), (doc, SCHEMA.author, author), (doc, SCHEMA.url, URIRef("https://example.org/blog")),
        (author, RDF.type, SCHEMA.Person), (author, SCHEMA.name, Literal("Ann Writer")),
        (post, RDF.type, NG.Post), (post, SCHEMA.isPartOf, doc), (post, NG.position, Literal(1)),
        (post, SCHEMA.headline, _en(HEADLINE)), (post, SCHEMA.datePublished, when), (post, SCHEMA.author, author),
        (context, RDF.type, NIF.Context), (context, RDF.type, NIF.RFC5147String), (context, NIF.isString, Literal(TEXT)),
        (context, NIF.beginIndex, Literal(0)), (context, NIF.endIndex, Literal(len(TEXT))),
        (context, NIF.predLang, URIRef("http://lexvo.org/id/iso639-3/eng")), (context, DCTERMS.source, doc),
        (context, NIF.sourceUrl, URIRef("https://example.org/blog")),
        (sentence, RDF.type, NIF.Sentence), (sentence, RDF.type, NIF.RFC5147String),
        (sentence, NIF.anchorOf, Literal(SENTENCE_TEXT)), (sentence, NIF.beginIndex, Literal(begin)),
        (sentence, NIF.endIndex, Literal(len(TEXT))), (sentence, NIF.referenceContext, context),
        (sentence, SCHEMA.isPartOf, post),
        (mention, RDF.type, NG.Mention), (mention, NIF.anchorOf, Literal("Jane Roe")),
        (mention, NIF.beginIndex, Literal(begin, datatype=XSD.nonNegativeInteger)),
        (mention, NIF.endIndex, Literal(begin + 8, datatype=XSD.nonNegativeInteger)),
        (mention, NIF.referenceContext, context), (mention, NIF.sentence, sentence), (mention, NG.refersTo, person),
        (mention, SCHEMA.isPartOf, post),
        (membership, RDF.type, ORG.Membership), (membership, ORG.member, person), (membership, ORG.organization, state),
        (membership, ORG.role, role), (membership, NG.former, Literal(False)), (membership, NG.nominated, Literal(False)),
        (membership, NG.elect, Literal(False)), (membership, NG.asOf, when), (membership, PROV.wasDerivedFrom, evidence),
        (role, RDF.type, ORG.Role), (role, SKOS.prefLabel, _en("foreign minister")),
        (event, RDF.type, NG.Event), (event, NG.eventType, PLOVER.CONSULT), (event, NG.agent, person),
        (event, NG.target, other), (event, SEM.hasPlace, place), (event, SEM.hasTimeStamp, when),
        (event, NG.modality, NG.Asserted), (event, PROV.wasDerivedFrom, evidence),
        (evidence, RDF.type, NG.Evidence), (evidence, OA.hasTarget, sentence),
        (evidence, SCHEMA.isPartOf, post), (evidence, NG.extractor, Literal("events.svo.v1")),
        (evidence, NG.confidence, Literal(Decimal("0.8"))),
    ]
    for t in triples:
        g.add(t)
    return g


def test_the_contract_graphs_spans_cut_their_anchors_out_of_its_text():
    """The fixture itself is consistent, so a shape that fires on it fires on purpose."""
    g = contract_graph()
    text = str(g.value(CONTEXT, NIF.isString))
    for span in (SENTENCE, MENTION):
        begin, end = int(g.value(span, NIF.beginIndex)), int(g.value(span, NIF.endIndex))
        assert text[begin:end] == str(g.value(span, NIF.anchorOf)), span
    assert str(SENTENCE).endswith(f"#char={SENTENCE_BEGIN},{len(TEXT)}") and str(CONTEXT).endswith(f"#char=0,{len(TEXT)}")


def _violations(data: Graph, shapes: Graph) -> set[tuple[URIRef, URIRef | None]]:
    """(focus node, result path) of every violation, so tests can say which check fired."""
    conforms, report, _ = validate(data, shacl_graph=shapes, inference="none")
    results = set(report.subjects(RDF.type, SH.ValidationResult))
    assert conforms == (not results)
    return {(report.value(r, SH.focusNode), report.value(r, SH.resultPath)) for r in results}


def test_a_graph_with_one_of_everything_in_the_contract_conforms(shapes):
    assert _violations(contract_graph(), shapes) == set()


def test_the_graph_model_pages_own_examples_conform(shapes):
    """The Turtle on docs/graph-model.md, with its ellipses filled in, passes the shapes.

    The page shows excerpts: an agent or an evidence node may be named without
    being described. Those (and only those) are completed with a minimal
    description so that the check is about what the page does show.
    """
    page = GRAPH_MODEL.read_text(encoding="utf-8")
    blocks = re.findall(r"```turtle\n(.*?)```", page, flags=re.S)
    assert len(blocks) >= 5
    text = "\n".join(blocks).replace("<…/", f"<{BASE}").replace('"sha256:…"', '"sha256:' + "0" * 64 + '"')
    data = Graph().parse(data=text, format="turtle")
    described = set(data.subjects())
    for actor in set(data.objects(None, NG.agent)) | set(data.objects(None, NG.target)):
        if actor not in described:
            data.add((actor, RDF.type, NG.Person))
            data.add((actor, RDFS.label, Literal(str(actor).rsplit("/", 1)[-1], lang="en")))
    evidence = next(data.subjects(RDF.type, NG.Evidence))
    for node in set(data.objects(None, PROV.wasDerivedFrom)) - described:
        for p, o in list(data.predicate_objects(evidence)):
            data.add((node, p, o))
    kinds = {o for o in data.objects(None, RDF.type)}
    assert {NG.Person, NG.State, NG.Article, NG.Post, NIF.Context, NIF.Sentence, NG.Mention, ORG.Membership, NG.Event,
            NG.Evidence} <= kinds
    assert _violations(data, shapes) == set()


def _broken(shapes: Graph, remove=(), add=()) -> set[tuple[URIRef, URIRef | None]]:
    g = contract_graph()
    for t in remove:
        g.remove(t)
    for t in add:
        g.add(t)
    return _violations(g, shapes)


def test_state_without_iso3_is_rejected_at_the_state(shapes):
    state = _iri("state/FRA")
    # and its authority link, which can no longer be checked against a code of its own
    assert _broken(shapes, remove=[(state, NG.iso3, None)]) == {(state, NG.iso3), (state, SKOS.exactMatch)}


def test_state_with_lower_case_iso2_is_rejected(shapes):
    state = _iri("state/FRA")
    found = _broken(shapes, remove=[(state, NG.iso2, None)], add=[(state, NG.iso2, Literal("fr"))])
    assert found == {(state, NG.iso2)}


def test_event_with_a_type_outside_plover_is_rejected(shapes):
    event = _iri("event/fedcba9876543210")
    found = _broken(shapes, remove=[(event, NG.eventType, None)], add=[(event, NG.eventType, URIRef(PLOVER_IRI + "ATTACK"))])
    assert found == {(event, NG.eventType)}


def test_event_whose_agent_is_a_place_or_whose_modality_is_unknown_is_rejected(shapes):
    event = _iri("event/fedcba9876543210")
    found = _broken(
        shapes,
        remove=[(event, NG.agent, None), (event, NG.modality, None)],
        add=[(event, NG.agent, _iri("place/brussels")), (event, NG.modality, NG.Event)],
    )
    assert found == {(event, NG.agent), (event, NG.modality)}


def test_membership_without_evidence_is_rejected(shapes):
    membership = _iri("membership/0123456789abcdef")
    assert _broken(shapes, remove=[(membership, PROV.wasDerivedFrom, None)]) == {(membership, PROV.wasDerivedFrom)}


def test_membership_whose_member_is_a_state_is_rejected(shapes):
    membership = _iri("membership/0123456789abcdef")
    found = _broken(shapes, remove=[(membership, ORG.member, None)], add=[(membership, ORG.member, _iri("state/FRA"))])
    assert found == {(membership, ORG.member)}


def test_evidence_with_unversioned_extractor_or_confidence_above_one_is_rejected(shapes):
    evidence = _iri("evidence/00112233aabbccdd")
    found = _broken(
        shapes,
        remove=[(evidence, NG.extractor, None), (evidence, NG.confidence, None)],
        add=[(evidence, NG.extractor, Literal("events.svo")), (evidence, NG.confidence, Literal(Decimal("1.5")))],
    )
    assert found == {(evidence, NG.extractor), (evidence, NG.confidence)}


def test_confidence_written_as_a_float_is_rejected_because_the_contract_says_decimal(shapes):
    evidence = _iri("evidence/00112233aabbccdd")
    found = _broken(shapes, remove=[(evidence, NG.confidence, None)], add=[(evidence, NG.confidence, Literal(0.8))])
    assert found == {(evidence, NG.confidence)}


def test_mention_that_refers_to_an_untyped_node_or_ends_before_it_begins_is_rejected(shapes):
    mention = MENTION
    found = _broken(
        shapes,
        remove=[(mention, NG.refersTo, None), (mention, NIF.endIndex, None)],
        add=[(mention, NG.refersTo, _iri("thing/unknown")), (mention, NIF.endIndex, Literal(0))],
    )
    # the context's check fires too: offsets that end before they begin cut nothing out of its text
    assert found == {(mention, NG.refersTo), (mention, NIF.beginIndex), (CONTEXT, None)}


def test_article_with_a_malformed_hash_and_post_outside_an_article_are_rejected(shapes):
    doc, post = DOC, POST
    found = _broken(
        shapes,
        remove=[(doc, NG.contentHash, None), (post, SCHEMA.isPartOf, None)],
        add=[(doc, NG.contentHash, Literal("md5:abc")), (post, SCHEMA.isPartOf, BNode())],
    )
    assert found == {(doc, NG.contentHash), (post, SCHEMA.isPartOf)}


def test_entity_with_two_canonical_names_is_rejected(shapes):
    person = _iri("person/jane-roe")
    assert _broken(shapes, add=[(person, SKOS.prefLabel, _en("J. Roe"))]) == {(person, SKOS.prefLabel)}


def test_shapes_use_only_terms_with_a_python_name(shapes):
    """Anything the shapes constrain in ng:/plover: is reachable as NG.x / PLOVER.x."""
    for name in _used(shapes, NG_IRI):
        assert NG[name] == URIRef(NG_IRI + name)
    assert _used(shapes, PLOVER_IRI) == set(PLOVER_CODES)


# ------------------------------------------------------------------ SHACL: optional target, modes, sectors

EVENT = _iri("event/fedcba9876543210")


def test_an_agent_only_event_conforms(shapes):
    assert _broken(shapes, remove=[(EVENT, NG.target, None)]) == set()


def test_an_event_with_two_targets_is_rejected(shapes):
    assert _broken(shapes, add=[(EVENT, NG.target, _iri("state/FRA"))]) == {(EVENT, NG.target)}


def test_an_event_without_an_agent_is_still_rejected(shapes):
    assert _broken(shapes, remove=[(EVENT, NG.agent, None)]) == {(EVENT, NG.agent)}


def test_an_event_with_a_mode_of_its_type_and_sectors_conforms(shapes):
    found = _broken(shapes, remove=[(EVENT, NG.target, None)], add=[
        (EVENT, NG.mode, plover_mode("CONSULT", "phone")),
        (EVENT, NG.agentSector, SECTOR.government), (EVENT, NG.targetSector, SECTOR.military),
    ])
    assert found == set()


def test_a_mode_named_after_another_type_is_rejected(shapes):
    found = _broken(shapes, add=[(EVENT, NG.mode, plover_mode("ASSAULT", "aerial"))])
    assert found == {(EVENT, NG.mode)}


def _with_mode_concept(mode: URIRef, broader: URIRef) -> list[tuple]:
    """The event's mode plus the mode concept as plover.ttl describes it, built by hand."""
    return [(EVENT, NG.mode, mode), (mode, RDF.type, SKOS.Concept), (mode, SKOS.broader, broader)]


def test_a_mode_whose_broader_is_the_event_type_conforms_when_the_data_carries_plover(shapes):
    assert _broken(shapes, add=_with_mode_concept(plover_mode("CONSULT", "visit"), PLOVER.CONSULT)) == set()


def test_a_mode_whose_broader_is_another_type_is_rejected_even_if_its_name_fits(shapes):
    found = _broken(shapes, add=_with_mode_concept(plover_mode("CONSULT", "odd"), PLOVER.ASSAULT))
    assert found == {(EVENT, NG.mode)}


def test_two_modes_or_a_mode_that_is_no_plover_iri_are_rejected(shapes):
    assert _broken(shapes, add=[(EVENT, NG.mode, plover_mode("CONSULT", "phone")),
                                (EVENT, NG.mode, plover_mode("CONSULT", "visit"))]) == {(EVENT, NG.mode)}
    assert _broken(shapes, add=[(EVENT, NG.mode, Literal("phone"))]) == {(EVENT, NG.mode)}


def test_a_sector_outside_the_scheme_or_two_agent_sectors_are_rejected(shapes):
    found = _broken(shapes, add=[(EVENT, NG.agentSector, SECTOR.military), (EVENT, NG.agentSector, SECTOR.police),
                                 (EVENT, NG.targetSector, URIRef(SECTOR_IRI + "army"))])
    assert found == {(EVENT, NG.agentSector), (EVENT, NG.targetSector)}


def test_every_sector_the_group_noun_lexicon_names_is_a_concept_of_sectors_ttl():
    from newsgraph.errors import OntologyError
    from newsgraph.resources import read_csv

    try:
        rows = read_csv("actor_sectors.csv")
    except OntologyError:
        pytest.skip("ontology/actor_sectors.csv is not there yet")
    used = {row["sector"] for row in rows}
    assert used and used <= set(SECTORS), f"not in sectors.ttl: {sorted(used - set(SECTORS))}"


# ------------------------------------------------------------------ SHACL: the time of a membership

MEMBERSHIP = _iri("membership/0123456789abcdef")
DURING, AS_OF = _iri("membership/0123456789abcdef/during"), _iri("membership/0123456789abcdef/as-of")


def _timed(relation, position=None) -> list[tuple]:
    from rdflib.namespace import TIME

    position = position or (TIME.inXSDDate, Literal("2024-11-13", datatype=XSD.date))
    return [(MEMBERSHIP, ORG.memberDuring, DURING), (DURING, RDF.type, TIME.Interval), (DURING, relation, AS_OF),
            (AS_OF, RDF.type, TIME.Instant), (AS_OF, *position)]


def test_a_membership_interval_before_after_or_holding_its_as_of_instant_conforms(shapes):
    from rdflib.namespace import TIME

    for relation in (TIME.inside, TIME.before, TIME.after):
        assert _broken(shapes, add=_timed(relation)) == set(), relation
    stamp = (TIME.inXSDDateTimeStamp, Literal("2024-11-13T08:33:00+00:00", datatype=XSD.dateTimeStamp))
    assert _broken(shapes, add=_timed(TIME.inside, stamp)) == set()


def test_an_interval_both_before_and_holding_the_instant_is_rejected(shapes):
    from rdflib.namespace import TIME

    assert _broken(shapes, add=_timed(TIME.inside) + [(DURING, TIME.before, AS_OF)])


def test_an_instant_without_a_position_or_a_membership_with_two_intervals_is_rejected(shapes):
    from rdflib.namespace import TIME

    no_position = [t for t in _timed(TIME.inside) if t[0] != AS_OF or t[1] == RDF.type]
    assert _broken(shapes, add=no_position) == {(AS_OF, None)}
    other = _iri("membership/0123456789abcdef/other")
    two = _timed(TIME.inside) + [(MEMBERSHIP, ORG.memberDuring, other), (other, RDF.type, TIME.Interval),
                                 (other, TIME.after, AS_OF)]
    assert (MEMBERSHIP, ORG.memberDuring) in _broken(shapes, add=two)


def test_the_ontology_declares_the_time_terms_a_membership_uses(tbox):
    from rdflib.namespace import TIME

    assert tbox.value(ORG.memberDuring, RDFS.range) == TIME.Interval
    for term in (TIME.inside, TIME.before, TIME.after, TIME.inXSDDateTimeStamp, TIME.inXSDDate):
        assert tbox.value(term, RDFS.domain) is not None, term

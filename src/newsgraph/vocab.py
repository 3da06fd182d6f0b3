"""Python names for the RDF terms newsgraph writes.

``NG`` and ``PLOVER`` mirror ``ontology/newsgraph.ttl`` and
``ontology/plover.ttl`` term for term, as rdflib ``DefinedNamespace`` classes:
a typo such as ``NG.agnet`` raises instead of minting a new IRI, and
``tests/test_ontology.py`` fails when this file and the Turtle drift apart.
The standard vocabularies the graph reuses are re-exported here so that every
module takes its namespaces from one place, and ``bind_prefixes`` gives every
serialisation the same short prefixes (see ``docs/graph-model.md``).
"""
from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    XSD,
    DefinedNamespace,
    Namespace,
)
from rdflib.term import URIRef

NG_IRI = "https://w3id.org/newsgraph/ontology#"
PLOVER_IRI = "https://w3id.org/newsgraph/plover#"
ONTOLOGY_IRI = URIRef("https://w3id.org/newsgraph/ontology")
PLOVER_SCHEME_DOCUMENT = URIRef("https://w3id.org/newsgraph/plover")


class NG(DefinedNamespace):
    """The newsgraph ontology (``ontology/newsgraph.ttl``)."""

    _fail = True
    _NS = Namespace(NG_IRI)

    # classes
    Actor: URIRef  # a person, organisation or state that acts or is acted upon
    Person: URIRef
    Organisation: URIRef
    State: URIRef  # sovereign state or dependent territory with an ISO 3166-1 code
    Place: URIRef  # a location that is not a state
    Event: URIRef  # agent does something of a PLOVER type to target
    Modality: URIRef
    Article: URIRef
    LiveBlog: URIRef
    Post: URIRef
    Mention: URIRef
    Evidence: URIRef

    # individuals of ng:Modality
    Asserted: URIRef  # only asserted events are facts as reported
    Negated: URIRef
    Hypothetical: URIRef

    # event properties
    agent: URIRef
    target: URIRef
    eventType: URIRef
    modality: URIRef

    # entity properties
    iso3: URIRef
    iso2: URIRef
    refersTo: URIRef

    # provenance and documents
    extractor: URIRef
    confidence: URIRef
    contentHash: URIRef
    source: URIRef
    position: URIRef

    # org:Membership qualifiers
    former: URIRef
    nominated: URIRef
    elect: URIRef
    asOf: URIRef


class PLOVER(DefinedNamespace):
    """PLOVER event types (``ontology/plover.ttl``); local names are the PLOVER codes."""

    _fail = True
    _NS = Namespace(PLOVER_IRI)

    scheme: URIRef  # the skos:ConceptScheme

    AGREE: URIRef
    CONSULT: URIRef
    SUPPORT: URIRef
    CONCEDE: URIRef
    COOPERATE: URIRef
    AID: URIRef
    RETREAT: URIRef
    REQUEST: URIRef
    ACCUSE: URIRef
    REJECT: URIRef
    THREATEN: URIRef
    PROTEST: URIRef
    SANCTION: URIRef
    MOBILIZE: URIRef
    COERCE: URIRef
    ASSAULT: URIRef


#: The sixteen PLOVER codes in the order of the codebook (cooperation to conflict).
PLOVER_CODES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

#: PLOVER types whose participants act together rather than one on the other:
#: "A consulted B" and "B consulted A" report the same event, so they merge
#: as one pair and are drawn without arrows.
SYMMETRIC_EVENT_TYPES: frozenset[str] = frozenset({"CONSULT", "COOPERATE"})

# Vocabularies rdflib does not ship (or ships as closed classes that would
# reject terms we use); plain namespaces are enough for them.
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = Namespace("https://schema.org/")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
SH = Namespace("http://www.w3.org/ns/shacl#")

#: Prefixes every serialisation binds, so output reads the same everywhere.
PREFIXES: dict[str, Namespace] = {
    "ng": Namespace(NG_IRI),
    "plover": Namespace(PLOVER_IRI),
    "org": Namespace(str(ORG)),
    "skos": Namespace(str(SKOS)),
    "prov": Namespace(str(PROV)),
    "nif": NIF,
    "sem": SEM,
    "schema": SCHEMA,
    "xsd": Namespace(str(XSD)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "foaf": Namespace(str(FOAF)),
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind ``PREFIXES`` on ``graph`` (replacing rdflib's defaults) and return it.

    rdflib pre-binds some of these namespaces under other names or binds
    other namespaces to these prefixes; ``override``/``replace`` make ours win
    so that ``ng:`` and ``schema:`` always mean what the contract says.
    """
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def plover_code(iri: URIRef | str) -> str:
    """The PLOVER code of an event-type IRI (``plover:CONSULT`` -> ``"CONSULT"``).

    Raises ``ValueError`` for an IRI outside the scheme, so a stray type is
    caught where it is read rather than written into a graph.
    """
    text = str(iri)
    code = text[len(PLOVER_IRI) :] if text.startswith(PLOVER_IRI) else ""
    if code not in PLOVER_CODES:
        raise ValueError(f"{text!r} is not a PLOVER event type; expected one of {', '.join(PLOVER_CODES)}")
    return code


__all__ = sorted(
    [
        "DCTERMS",
        "FOAF",
        "ITSRDF",
        "NG",
        "NG_IRI",
        "NIF",
        "ONTOLOGY_IRI",
        "ORG",
        "OWL",
        "PLOVER",
        "PLOVER_CODES",
        "PLOVER_IRI",
        "PLOVER_SCHEME_DOCUMENT",
        "PREFIXES",
        "PROV",
        "RDF",
        "RDFS",
        "SCHEMA",
        "SEM",
        "SH",
        "SKOS",
        "SYMMETRIC_EVENT_TYPES",
        "XSD",
        "bind_prefixes",
        "plover_code",
    ]
)

"""Python names for the RDF terms newsgraph writes.

``NG``, ``PLOVER`` and ``SECTOR`` mirror ``ontology/newsgraph.ttl``,
the event types of ``ontology/plover.ttl`` and ``ontology/sectors.ttl`` term
for term, as rdflib ``DefinedNamespace`` classes: a typo such as ``NG.agnet``
raises instead of minting a new IRI, and ``tests/test_ontology.py`` fails
when this file and the Turtle drift apart. PLOVER modes
(``plover:ASSAULT-aerial``) are not attributes (a hyphen is no Python name):
``plover_mode`` builds and checks their IRIs.
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
    TIME,
    XSD,
    DefinedNamespace,
    Namespace,
)
import re

from rdflib.term import URIRef

NG_IRI = "https://w3id.org/newsgraph/ontology#"
PLOVER_IRI = "https://w3id.org/newsgraph/plover#"
ONTOLOGY_IRI = URIRef("https://w3id.org/newsgraph/ontology")
PLOVER_SCHEME_DOCUMENT = URIRef("https://w3id.org/newsgraph/plover")
SECTOR_IRI = "https://w3id.org/newsgraph/sector#"
SECTOR_SCHEME_DOCUMENT = URIRef("https://w3id.org/newsgraph/sector")


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
    Event: URIRef  # agent does something of a PLOVER type (to a target)
    Modality: URIRef
    Article: URIRef
    LiveBlog: URIRef
    Post: URIRef
    Mention: URIRef
    Evidence: URIRef
    Quotation: URIRef  # words a text attributes to a speaker (a subclass of schema:Quotation)

    # individuals of ng:Modality
    Asserted: URIRef  # only asserted events are facts as reported
    Negated: URIRef
    Hypothetical: URIRef

    # event properties
    agent: URIRef
    target: URIRef  # optional: an event may have no named target
    eventType: URIRef
    mode: URIRef  # a PLOVER mode concept, plover:{TYPE}-{mode}
    agentSector: URIRef  # a SECTOR concept
    targetSector: URIRef
    modality: URIRef
    reportedAt: URIRef  # publication time of the report; sem:hasTimeStamp is the stated time

    # quotation properties
    speaker: URIRef  # who said it (a sub-property of schema:spokenByCharacter); absent for an unnamed source
    cue: URIRef  # the reporting verb's lemma, or "according to"
    direct: URIRef  # true for quoted words, false for reported speech
    content: URIRef  # a nif:String span of the quoted or reported words
    cueSpan: URIRef  # the nif:String span of the cue
    accordingTo: URIRef  # from an event or membership to the quotation it was read from

    # entity properties
    iso3: URIRef
    iso2: URIRef
    refersTo: URIRef
    lookupKey: URIRef  # internal: a key the entity index finds an entity by, in {base}graph/entities only

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
    modes: URIRef  # the skos:ConceptScheme of the modes, plover:{TYPE}-{mode} (see plover_mode)

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


class SECTOR(DefinedNamespace):
    """Actor sectors (``ontology/sectors.ttl``), after PLOVER's sector codes."""

    _fail = True
    _NS = Namespace(SECTOR_IRI)

    scheme: URIRef  # the skos:ConceptScheme

    government: URIRef  # GOV
    military: URIRef  # MIL
    police: URIRef  # COP
    intelligence: URIRef  # SPY
    judiciary: URIRef  # JUD
    legislature: URIRef  # LEG
    rebels: URIRef  # REB
    opposition: URIRef  # OPP
    party: URIRef  # PTY
    civilians: URIRef  # CVL
    business: URIRef  # BUS
    media: URIRef  # JRN
    labour: URIRef  # LAB
    religious: URIRef  # REL
    refugees: URIRef  # REF
    criminals: URIRef  # CRM
    health: URIRef  # MED
    education: URIRef  # EDU


#: The sector names (local names of ``SECTOR``), the values of Event.agent_sector/target_sector.
SECTORS: tuple[str, ...] = tuple(name for name in SECTOR.__annotations__ if name != "scheme")

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
OA = Namespace("http://www.w3.org/ns/oa#")  # Web Annotation: evidence annotates its sentence

#: Prefixes every serialisation binds, so output reads the same everywhere.
PREFIXES: dict[str, Namespace] = {
    "ng": Namespace(NG_IRI),
    "plover": Namespace(PLOVER_IRI),
    "sector": Namespace(SECTOR_IRI),
    "org": Namespace(str(ORG)),
    "skos": Namespace(str(SKOS)),
    "prov": Namespace(str(PROV)),
    "nif": NIF,
    "sem": SEM,
    "schema": SCHEMA,
    "xsd": Namespace(str(XSD)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "time": Namespace(str(TIME)),
    "foaf": Namespace(str(FOAF)),
    "oa": OA,
    "dcterms": Namespace(str(DCTERMS)),
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


_MODE_NAME = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*")


def plover_mode(code: str, mode: str) -> URIRef:
    """The IRI of a PLOVER mode of an event type: ``("ASSAULT", "aerial")`` -> ``plover:ASSAULT-aerial``.

    The concept itself lives in plover.ttl (``skos:broader`` its type).
    Raises ``ValueError`` for an unknown type or a mode that is not a
    lower-case hyphenated word, so a stray value fails where it is written.
    """
    if code not in PLOVER_CODES:
        raise ValueError(f"{code!r} is not a PLOVER event type; expected one of {', '.join(PLOVER_CODES)}")
    if not _MODE_NAME.fullmatch(mode):
        raise ValueError(f"{mode!r} is not a PLOVER mode name: expected lower-case words joined by hyphens or underscores, e.g. 'aerial'")
    return URIRef(f"{PLOVER_IRI}{code}-{mode}")


def mode_name(iri: URIRef | str) -> str:
    """The mode of a PLOVER mode IRI (``plover:ASSAULT-aerial`` -> ``"aerial"``); ValueError for another IRI."""
    text = str(iri)
    code, _, mode = text[len(PLOVER_IRI) :].partition("-") if text.startswith(PLOVER_IRI) else ("", "", "")
    if code not in PLOVER_CODES or not _MODE_NAME.fullmatch(mode):
        raise ValueError(f"{text!r} is not a PLOVER mode; expected {PLOVER_IRI}{{TYPE}}-{{mode}}")
    return mode


def sector_iri(name: str) -> URIRef:
    """The IRI of an actor sector (``"military"`` -> ``sector:military``); ValueError for an unknown one."""
    if name not in SECTORS:
        raise ValueError(f"{name!r} is not an actor sector; expected one of {', '.join(SECTORS)}")
    return SECTOR[name]


__all__ = sorted(
    [
        "DCTERMS",
        "FOAF",
        "ITSRDF",
        "NG",
        "NG_IRI",
        "NIF",
        "OA",
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
        "SECTOR",
        "SECTORS",
        "SECTOR_IRI",
        "SECTOR_SCHEME_DOCUMENT",
        "SEM",
        "SH",
        "SKOS",
        "SYMMETRIC_EVENT_TYPES",
        "XSD",
        "bind_prefixes",
        "mode_name",
        "plover_code",
        "plover_mode",
        "sector_iri",
    ]
)

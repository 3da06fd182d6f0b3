"""The VoID and DCAT description of a dataset, with the provenance of the file it describes.

Every export (and the build, which may reuse it) says what it holds: a
``void:Dataset`` that is also a ``dcat:Dataset``, with the size of the
default graph (triples, entities, distinct subjects and objects,
properties), one ``void:classPartition`` per class with its number of
instances, the vocabularies its classes and properties come from, a
licence and a SPARQL endpoint when the user names them, and which
newsgraph version made it when (``prov:wasGeneratedBy`` an activity
associated with a ``prov:SoftwareAgent``).

Every IRI in it is minted from the base, so the description is the same
for the same graph; only ``prov:generatedAtTime`` changes from run to run
(and not even that with ``SOURCE_DATE_EPOCH`` set, the reproducible-builds
convention). No blank nodes: an export re-parses to the same triples.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Store

from .. import __version__
from ..errors import InputError
from ..query.loading import VOCABULARY_PREFIXES
from ..store.backend import Backend

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DCTERMS = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = "http://www.w3.org/2001/XMLSchema#"
SCHEMA_VERSION = "https://schema.org/softwareVersion"

#: Prefixes of the description's own vocabularies, for the serialisations that show prefixes.
DESCRIPTION_PREFIXES: dict[str, str] = {"void": VOID, "dcat": DCAT, "dcterms": DCTERMS, "prov": PROV}

#: The vocabularies ``void:vocabulary`` can name: the ones the graph model uses, by namespace.
KNOWN_VOCABULARIES: dict[str, str] = VOCABULARY_PREFIXES | DESCRIPTION_PREFIXES

#: The software that writes every description: one IRI per newsgraph version.
SOFTWARE = NamedNode(f"https://w3id.org/newsgraph/software/{__version__}")


@dataclass(frozen=True)
class DatasetCounts:
    """The size of a default graph, as VoID counts it."""

    triples: int
    entities: int  # distinct IRIs under the base that are subjects
    distinct_subjects: int
    distinct_objects: int
    properties: int
    classes: tuple[tuple[str, int], ...]  # (class IRI, instances), by IRI
    vocabularies: tuple[str, ...]  # namespaces of the classes and properties used, sorted


def _rows(store, query: str) -> list[tuple]:
    """Rows of a SELECT from a pyoxigraph Store or a ``store.Backend`` (memory, disk or a remote SPARQL store)."""
    if isinstance(store, Store):
        solutions = store.query(query)
        names = [v.value for v in solutions.variables]
        return [tuple(row[name] for name in names) for row in solutions]
    return list(store.select(query))


def count_dataset(store: Store | Backend, *, base: str) -> DatasetCounts:
    """VoID's counts of the default graph of ``store`` (named graphs are not counted)."""

    def number(query: str) -> int:
        ((n,),) = _rows(store, query)
        return int(n.value)

    space = Literal(base)
    classes = tuple(
        (c.value, int(n.value))
        for c, n in _rows(store, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c FILTER(isIRI(?c)) } "
                                 "GROUP BY ?c ORDER BY ?c")
    )
    predicates = [p.value for (p,) in _rows(store, "SELECT DISTINCT ?p WHERE { ?s ?p ?o }")]
    used = {ns for ns in KNOWN_VOCABULARIES.values() for iri in [c for c, _ in classes] + predicates
            if iri.startswith(ns)}
    return DatasetCounts(
        triples=number("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
        entities=number(f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p ?o FILTER(isIRI(?s) && "
                        f"STRSTARTS(STR(?s), {space})) }}"),
        distinct_subjects=number("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }"),
        distinct_objects=number("SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }"),
        properties=len(predicates),
        classes=tuple(sorted(classes)),
        vocabularies=tuple(sorted(used)),
    )


def generation_time(now: datetime | None = None) -> datetime:
    """When this output is made: ``now``, else ``SOURCE_DATE_EPOCH`` when set (reproducible
    builds: the same input gives the same bytes), else the current time; UTC, whole seconds."""
    if now is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch:
            try:
                now = datetime.fromtimestamp(int(epoch), tz=timezone.utc)
            except (ValueError, OverflowError, OSError):
                raise InputError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds since 1970: "
                                 "unset it or give one such as 1700000000") from None
        else:
            now = datetime.now(timezone.utc)
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    return now.astimezone(timezone.utc).replace(microsecond=0)


def xsd_datetime(moment: datetime) -> Literal:
    return Literal(moment.strftime("%Y-%m-%dT%H:%M:%SZ"), datatype=NamedNode(XSD + "dateTime"))


def dataset_iri(base: str) -> NamedNode:
    return NamedNode(base + "dataset")


def description_graph(base: str) -> NamedNode:
    """The named graph a dataset's description goes into in TriG and N-Quads."""
    return NamedNode(base + "graph/void")


def checked_iri(value: str, option: str) -> NamedNode:
    """A user-given IRI (``--licence``, ``--endpoint``), or an InputError saying what is wrong."""
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$", value or ""):
        raise InputError(f"{option} {value!r} is not an absolute IRI: give one such as https://example.org/...")
    try:
        return NamedNode(value)
    except ValueError as error:
        raise InputError(f"{option} {value!r} is not a valid IRI: {error}") from None


def dataset_description(
    store: Store | Backend,
    *,
    base: str,
    licence: str | None = None,
    endpoint: str | None = None,
    generated: datetime | None = None,
    activity: str = "export",
    graph: NamedNode | DefaultGraph | None = None,
    counts: DatasetCounts | None = None,
) -> list[Quad]:
    """The VoID/DCAT description and build provenance of the default graph of ``store``
    (a pyoxigraph Store, or a ``store.Backend``: the counts are SPARQL SELECTs).

    The quads go into ``graph`` (by default ``{base}graph/void``; pass
    ``DefaultGraph()`` to merge them into the data). ``licence`` and
    ``endpoint`` are IRIs; without them the description has no
    ``dcterms:license`` / ``void:sparqlEndpoint`` at all. ``generated`` is
    the ``prov:generatedAtTime`` (see :func:`generation_time`);
    ``activity`` names what made the file ("export", "build").
    """
    graph = description_graph(base) if graph is None else graph
    counts = count_dataset(store, base=base) if counts is None else counts
    dataset = dataset_iri(base)
    made_by = NamedNode(f"{base}dataset/{activity}")
    quads: list[Quad] = []

    def add(subject: NamedNode, predicate: str, obj) -> None:
        quads.append(Quad(subject, NamedNode(predicate), obj, graph))

    def integer(n: int) -> Literal:
        return Literal(str(n), datatype=NamedNode(XSD + "integer"))

    add(dataset, RDF_TYPE, NamedNode(VOID + "Dataset"))
    add(dataset, RDF_TYPE, NamedNode(DCAT + "Dataset"))
    add(dataset, DCTERMS + "title", Literal("newsgraph knowledge graph", language="en"))
    add(dataset, VOID + "uriSpace", Literal(base))
    add(dataset, VOID + "triples", integer(counts.triples))
    add(dataset, VOID + "entities", integer(counts.entities))
    add(dataset, VOID + "distinctSubjects", integer(counts.distinct_subjects))
    add(dataset, VOID + "distinctObjects", integer(counts.distinct_objects))
    add(dataset, VOID + "properties", integer(counts.properties))
    for namespace in counts.vocabularies:
        add(dataset, VOID + "vocabulary", NamedNode(namespace))
    for cls, instances in counts.classes:
        partition = NamedNode(f"{base}dataset/class/{_class_slug(cls)}")
        add(dataset, VOID + "classPartition", partition)
        add(partition, VOID + "class", NamedNode(cls))
        add(partition, VOID + "entities", integer(instances))
    if licence is not None:
        add(dataset, DCTERMS + "license", checked_iri(licence, "--licence"))
    if endpoint is not None:
        add(dataset, VOID + "sparqlEndpoint", checked_iri(endpoint, "--endpoint"))
    add(dataset, PROV + "generatedAtTime", xsd_datetime(generation_time(generated)))
    add(dataset, PROV + "wasGeneratedBy", made_by)
    add(made_by, RDF_TYPE, NamedNode(PROV + "Activity"))
    add(made_by, RDFS_LABEL, Literal(f"newsgraph {activity}", language="en"))
    add(made_by, PROV + "wasAssociatedWith", SOFTWARE)
    add(SOFTWARE, RDF_TYPE, NamedNode(PROV + "SoftwareAgent"))
    add(SOFTWARE, RDFS_LABEL, Literal(f"newsgraph {__version__}", language="en"))
    add(SOFTWARE, SCHEMA_VERSION, Literal(__version__))
    return quads


def _class_slug(iri: str) -> str:
    """``ng:Person`` → ``ng-Person``; a class in no known vocabulary → a hash of its IRI."""
    for name, namespace in sorted(KNOWN_VOCABULARIES.items()):
        local = iri[len(namespace):]
        if iri.startswith(namespace) and re.fullmatch(r"[A-Za-z0-9_-]+", local):
            return f"{name}-{local}"
    return hashlib.sha1(iri.encode("utf-8")).hexdigest()[:16]

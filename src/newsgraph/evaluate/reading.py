"""Read a predicted graph through the RDF contract of ``docs/graph-model.md``.

Only entity classes with SKOS (or RDFS) labels, ``org:Membership``,
``ng:Event`` (with or without ``ng:target``) and ``ng:Quotation`` (through
the terms the reference scorer reads) are read, so any graph of that shape
can be scored, whoever built it. Like every reader, scoring reads the
default graph of the store ``query.load_graph`` opens (``as_store``).
"""
from __future__ import annotations

import re
from typing import Any

from pyoxigraph import Store

from ..query import LoadedGraph
from ..viz.reader import default_store
from .matching import Node, keys_of

_PREFIXES = """
PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
PREFIX schemahttp: <http://schema.org/>
"""
_Q_ENTITIES = _PREFIXES + """
SELECT ?node ?type ?label ?pref WHERE {
  VALUES (?class ?type) { (ng:Person "Person") (ng:Organisation "Organisation") (ng:State "State") (ng:Place "Place") }
  ?node a ?class .
  OPTIONAL {
    { ?node skos:prefLabel|rdfs:label ?label BIND(true AS ?pref) }
    UNION { ?node skos:altLabel ?label BIND(false AS ?pref) }
  }
}"""
Q_ROLES = _PREFIXES + """
SELECT ?m ?person ?role ?roleLabel ?org ?former ?nominated ?elect WHERE {
  ?m a org:Membership ; org:member ?person ; org:role ?role .
  OPTIONAL { ?role skos:prefLabel|rdfs:label ?roleLabel }
  OPTIONAL { ?m org:organization ?org }
  OPTIONAL { ?m ng:former ?former }
  OPTIONAL { ?m ng:nominated ?nominated }
  OPTIONAL { ?m ng:elect ?elect }
} ORDER BY ?m"""
# An event may have no target (an agent-only event: a protest, a deployment).
Q_EVENTS = _PREFIXES + """
SELECT ?event ?type ?agent ?target WHERE {
  ?event a ng:Event ; ng:eventType ?type ; ng:agent ?agent .
  OPTIONAL { ?event ng:target ?target }
} ORDER BY ?event"""
# The terms the reference scorer reads a quotation through: ng:speaker (or
# schema:spokenByCharacter) for who said it, schema:text (or ng:quotedText) for the words.
Q_QUOTES = _PREFIXES + """
SELECT ?quote ?speaker ?text WHERE {
  ?quote a ng:Quotation .
  OPTIONAL { ?quote ng:speaker|schema:spokenByCharacter|schemahttp:spokenByCharacter ?speaker }
  ?quote schema:text|schemahttp:text|ng:quotedText ?text .
} ORDER BY ?quote"""


def as_store(graph: LoadedGraph | Store | Any) -> Store:
    """The Store whose default graph is scored: what ``load_graph`` returns, a Store,
    or an rdflib Graph, read through the seam every reader shares (``viz.reader.default_store``)."""
    try:
        return default_store(graph)
    except TypeError:
        raise TypeError(f"cannot score a {type(graph).__name__}: give a pyoxigraph Store or an rdflib Graph") from None


def local_name(term: Any) -> str:
    """The last path or fragment segment of an IRI term ("" for none)."""
    return re.split(r"[#/]", term.value)[-1] if term is not None else ""


def read_nodes(store: Store) -> dict[str, Node]:
    """Every typed entity node, by its term, with its preferred label first."""
    types: dict[str, set[str]] = {}
    labels: dict[str, list[tuple[bool, str]]] = {}
    for row in store.query(_Q_ENTITIES):
        term = str(row["node"])
        types.setdefault(term, set()).add(row["type"].value)
        if row["label"] is not None:
            labels.setdefault(term, []).append((row["pref"].value == "true", row["label"].value))
    nodes = {}
    for term, kinds in types.items():
        forms = sorted(set(labels.get(term, [])), key=lambda f: (not f[0], f[1]))
        label = forms[0][1] if forms else term
        nodes[term] = Node(
            term, label, frozenset(kinds), keys_of([f for _, f in forms]), keys_of([f for pref, f in forms if pref])
        )
    return nodes

"""JSON-LD that reads as plain JSON: the graph compacted with ``ontology/context.jsonld``.

The context gives every property newsgraph writes a short name
(``prefLabel``, ``agent``, ``eventType``, ``member`` …), the classes too
(``"type": "Person"``), ``id``/``type`` for ``@id``/``@type``, the
prefixes of the vocabularies and of the instance namespaces, and
``@base``, so entity IRIs read ``person:alia-moreno`` or ``role/minister``.

Compaction is done here rather than by rdflib or pyld: the output is
flat (one node object per subject, in IRI order, values sorted), the
same graph gives the same bytes, and it scales to large graphs. Each
property always goes under its term; a value that does not fit the term's
declared type or language (an xsd:date under a dateTime term, a label
without a language tag) is written as an explicit value object
(``{"@value": …, "type": …}``), which JSON-LD expands without the term's
coercion, so every triple expands back exactly (tests check with pyld).
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any, BinaryIO

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from ..graph.iris import DEFAULT_BASE
from ..resources import read_text

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
_ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@lru_cache(maxsize=1)
def shipped_context() -> dict[str, Any]:
    """The context shipped as ``ontology/context.jsonld`` (its ``@context`` object)."""
    return json.loads(read_text("context.jsonld"))["@context"]


def context_for(base: str) -> dict[str, Any]:
    """The shipped context with its instance namespaces and ``@base`` moved to ``base``."""
    context = dict(shipped_context())
    if base != DEFAULT_BASE:
        for name, value in context.items():
            if isinstance(value, str) and value.startswith(DEFAULT_BASE):
                context[name] = base + value[len(DEFAULT_BASE):]
    return context


class Compactor:
    """Term selection and IRI compaction for one context (JSON-LD 1.1 §6, for flat graphs)."""

    def __init__(self, context: Mapping[str, Any]) -> None:
        self.base = context.get("@base")
        self.prefixes: dict[str, str] = {}
        self.classes: dict[str, str] = {}  # class IRI -> term
        self.properties: dict[str, tuple[str, dict]] = {}  # property IRI -> (term, definition)
        plain = {k: v for k, v in context.items() if isinstance(v, str) and not k.startswith("@")}
        for name, value in plain.items():
            if value.endswith(("/", "#")) and _ABSOLUTE.match(value):
                self.prefixes[name] = value
        self.terms = set(plain) | {k for k, v in context.items() if isinstance(v, dict)}
        for name, value in context.items():
            if name.startswith("@") or (isinstance(value, str) and value.startswith("@")) or name in self.prefixes:
                continue
            definition = {"@id": value} if isinstance(value, str) else dict(value)
            iri = self.expand(definition["@id"])
            if name[0].isupper() and isinstance(value, str):
                self.classes.setdefault(iri, name)
            else:
                definition = {k: (self.expand(v) if k == "@type" and v != "@id" else v) for k, v in definition.items()}
                self.properties.setdefault(iri, (name, definition))

    def expand(self, value: str) -> str:
        prefix, colon, suffix = value.partition(":")
        if colon and prefix in self.prefixes and not suffix.startswith("//"):
            return self.prefixes[prefix] + suffix
        return value

    def iri(self, iri: str, *, vocab: bool) -> str:
        """``iri`` as short as the context allows: a class term (vocab only), a compact IRI,
        an IRI relative to ``@base`` (not vocab), else in full."""
        if vocab and iri in self.classes:
            return self.classes[iri]
        best = None
        for name, namespace in self.prefixes.items():
            suffix = iri[len(namespace):]
            if iri.startswith(namespace) and suffix and not suffix.startswith("//"):
                candidate = f"{name}:{suffix}"
                if candidate not in self.terms and (best is None or (len(candidate), candidate) < (len(best), best)):
                    best = candidate
        if best is not None:
            return best
        if not vocab and self.base and iri.startswith(self.base) and _relative_is_safe(iri[len(self.base):]):
            return iri[len(self.base):]
        return iri

    def key(self, predicate: str) -> tuple[str, dict]:
        if predicate in self.properties:
            return self.properties[predicate]
        return self.iri(predicate, vocab=True), {}

    def value(self, term: NamedNode | BlankNode | Literal, definition: Mapping[str, Any], bnodes: dict[str, str]) -> Any:
        coerce, language = definition.get("@type"), definition.get("@language")
        if isinstance(term, BlankNode):
            label = bnodes.setdefault(term.value, f"_:b{len(bnodes)}")
            return label if coerce == "@id" else {"id": label}
        if isinstance(term, NamedNode):
            short = self.iri(term.value, vocab=False)
            return short if coerce == "@id" else {"id": short}
        datatype = term.datatype.value if term.datatype is not None else XSD + "string"
        if term.language:
            if language == term.language and coerce is None:
                return term.value
            return {"@value": term.value, "@language": term.language}
        if coerce is not None and coerce == datatype:
            return term.value
        if coerce is None and language is None:
            native = _native(term.value, datatype)
            if native is not None:
                return native
        if datatype == XSD + "string":
            return {"@value": term.value}
        return {"@value": term.value, "type": self.iri(datatype, vocab=True)}


def _relative_is_safe(path: str) -> bool:
    """A relative IRI that expands back to exactly ``@base`` + ``path``: no scheme-like first
    segment (it would read as an absolute or compact IRI), no dot segments, nothing to resolve."""
    first = path.split("/", 1)[0]
    return (bool(path) and path[0] not in "/?#@_." and ":" not in first
            and not any(seg in (".", "..") for seg in re.split(r"[/?#]", path)))


def _native(lexical: str, datatype: str) -> object | None:
    """A plain JSON value for canonical xsd:string/boolean/integer lexical forms (expansion gives them back)."""
    if datatype == XSD + "string":
        return lexical
    if datatype == XSD + "boolean" and lexical in ("true", "false"):
        return lexical == "true"
    if datatype == XSD + "integer" and re.fullmatch(r"-?(0|[1-9][0-9]*)", lexical) and abs(int(lexical)) < 2**53:
        if lexical != "-0":
            return int(lexical)
    return None


def compact(triples: Iterable[Triple], context: Mapping[str, Any]) -> dict[str, Any]:
    """A flat compacted JSON-LD document of ``triples``: ``{"@context": …, "@graph": [nodes]}``."""
    compactor = Compactor(context)
    bnodes: dict[str, str] = {}
    nodes: dict[tuple[int, str], dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for triple in triples:
        subject = triple.subject
        node_key = (1, subject.value) if isinstance(subject, BlankNode) else (0, subject.value)
        node = nodes[node_key]
        if triple.predicate.value == RDF_TYPE and isinstance(triple.object, NamedNode):
            node["type"].append(compactor.iri(triple.object.value, vocab=True))
            continue
        key, definition = compactor.key(triple.predicate.value)
        node[key].append((definition.get("@container") == "@set", compactor.value(triple.object, definition, bnodes)))
    graph = []
    for (blank, iri), properties in sorted(nodes.items()):
        ident = bnodes.setdefault(iri, f"_:b{len(bnodes)}") if blank else compactor.iri(iri, vocab=False)
        obj: dict[str, Any] = {"id": ident}
        if "type" in properties:
            types = sorted(set(properties.pop("type")))
            obj["type"] = types[0] if len(types) == 1 else types
        for key in sorted(properties):
            as_set = any(flag for flag, _ in properties[key])
            values = sorted({_sort_key(v): v for _, v in properties[key]}.items())
            values = [v for _, v in values]
            obj[key] = values if as_set or len(values) > 1 else values[0]
        graph.append(obj)
    return {"@context": dict(context), "@graph": graph}


def _sort_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def write_jsonld(triples: Iterable[Triple], sink: BinaryIO, *, base: str) -> int:
    """Write ``triples`` as compacted JSON-LD to ``sink``; return how many triples went in."""
    triples = list(triples)
    document = compact(triples, context_for(base))
    sink.write(json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8"))
    sink.write(b"\n")
    return len(triples)

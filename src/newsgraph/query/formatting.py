"""Text of a query answer: SELECT as table, CSV, TSV or JSON; ASK as true/false; graphs as Turtle.

CSV, TSV and JSON follow the SPARQL 1.1 Query Results formats so other tools
can read them; the table is for people (aligned columns, IRIs shortened
with the graph's prefixes); Turtle is sorted so the same answer always
prints the same.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, serialize

from ..errors import QueryError
from .loading import XSD
from .running import QueryResult, Term

FORMATS = ("table", "csv", "tsv", "json")

XSD_STRING = XSD + "string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDF_TYPE_NODE = NamedNode(RDF_TYPE)


def format_result(result: QueryResult, fmt: str = "table", prefixes: Mapping[str, str] | None = None) -> str:
    """Text of an answer: SELECT as table/csv/tsv/json; ASK as true/false; graphs as Turtle.

    csv, tsv and json follow the SPARQL 1.1 Query Results formats. The table
    is for reading: aligned columns and IRIs shortened with ``prefixes``.
    The returned text ends with a newline.
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    prefixes = prefixes or {}
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result.boolean)}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if result.kind == "graph":
        return _turtle(result.triples, prefixes)
    return {"table": _table, "csv": _csv, "tsv": _tsv, "json": _json}[fmt](result, prefixes)


#: What a terminal would act on: C0 controls but tab and newline, DEL, C1
#: controls, and the bidirectional overrides that reorder what is shown.
_TERMINAL_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escape_controls(text: str) -> str:
    """``text`` with every character a terminal would act on shown as an escape (``\\x1b``)."""
    return _TERMINAL_CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def shorten(iri: str, prefixes: Mapping[str, str]) -> str:
    """``prefix:local`` with the longest matching namespace, else ``<iri>``."""
    matches = [(len(ns), prefix) for prefix, ns in prefixes.items() if ns and iri.startswith(ns)]
    if not matches:
        return f"<{iri}>"
    _, prefix = max(matches)
    return f"{prefix}:{iri[len(prefixes[prefix]):]}"


def _cell(term: Term | None, prefixes: Mapping[str, str]) -> str:
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        return shorten(term.value, prefixes)
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Literal):
        return escape_controls(" ".join(term.value.split()))
    return escape_controls(str(term))


def _table(result: QueryResult, prefixes: Mapping[str, str]) -> str:
    header = list(result.variables)
    body = [[_cell(t, prefixes) for t in row] for row in result.rows]
    widths = [max([len(h), *(len(r[i]) for r in body)]) for i, h in enumerate(header)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [line(header), "  ".join("-" * w for w in widths)]
    out.extend(line(r) for r in body)
    return "\n".join(out) + "\n"


def _csv(result: QueryResult, prefixes: Mapping[str, str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if t is None else (f"_:{t.value}" if isinstance(t, BlankNode) else t.value) for t in row])
    return buffer.getvalue()


_ABBREVIATED = {
    XSD + "integer": re.compile(r"^[+-]?\d+$"),
    XSD + "decimal": re.compile(r"^[+-]?\d*\.\d+$"),
    XSD + "double": re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$"),
    XSD + "boolean": re.compile(r"^(true|false)$"),
}


def _tsv_term(term: Term | None) -> str:
    """A term in Turtle syntax; numbers and booleans abbreviated as SPARQL 1.1 TSV allows."""
    if term is None:
        return ""
    if isinstance(term, Literal) and not term.language:
        pattern = _ABBREVIATED.get(term.datatype.value)
        if pattern and pattern.match(term.value):
            return term.value
    return str(term)


def _tsv(result: QueryResult, prefixes: Mapping[str, str]) -> str:
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines.extend("\t".join(_tsv_term(t) for t in row) for row in result.rows)
    return "\n".join(lines) + "\n"


def _turtle(triples: Sequence[Triple], prefixes: Mapping[str, str]) -> str:
    """Turtle with only the prefixes it uses, prefixes and triples sorted, so output is stable."""
    ordered = sorted(
        triples, key=lambda t: (str(t.subject), t.predicate.value != RDF_TYPE, str(t.predicate), str(t.object))
    )
    used: dict[str, str] = {}
    for triple in ordered:
        for term in (triple.subject, triple.predicate, triple.object):
            if term == RDF_TYPE_NODE:
                continue  # written as "a"
            if isinstance(term, NamedNode):
                iri = term.value
            elif isinstance(term, Literal) and term.datatype.value not in (XSD_STRING, RDF_LANG_STRING):
                iri = term.datatype.value
            else:
                continue
            short = shorten(iri, prefixes)
            if not short.startswith("<"):
                prefix = short.split(":", 1)[0]
                used[prefix] = prefixes[prefix]
    lines = serialize(ordered, format=RdfFormat.TURTLE, prefixes=used).decode("utf-8").splitlines()
    head = sorted(line for line in lines if line.startswith("@prefix "))
    body = [line for line in lines if not line.startswith("@prefix ")]
    return "\n".join([*head, *body]) + "\n" if lines else ""


def _json_term(term: Term) -> dict[str, object]:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        out: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (XSD_STRING, RDF_LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


def _json(result: QueryResult, prefixes: Mapping[str, str]) -> str:
    bindings = [
        {name: _json_term(term) for name, term in zip(result.variables, row, strict=True) if term is not None}
        for row in result.rows
    ]
    document = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"

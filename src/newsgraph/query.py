"""SPARQL over a built graph: load it, run a query (ad hoc or named), format the answer.

Queries run on Oxigraph's engine (pyoxigraph), never rdflib's: on news-sized
graphs rdflib's planner builds cross products that take minutes where
Oxigraph takes a fraction of a second (see NOTES-ecosystem.md).

Parameters are bound with Oxigraph's ``substitutions`` (SEP-0007), never by
pasting text into the query, so a value such as ``x" } ; DROP ALL ; #`` is
only ever a literal to compare with. Oxigraph requires a substituted variable
to be in the SELECT projection; named queries therefore select their
parameters and :func:`run_named` drops those columns again.

Named queries are ``.rq`` files in the package folder ``newsgraph/queries``,
each opening with comment lines that describe it::

    # name: mentions-of
    # description: every mention of an entity, with its sentence
    # param: ?name literal — the entity's name or alias
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal as Kind

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QuerySolutions,
    RdfFormat,
    Store,
    Triple,
    Variable,
    parse,
    serialize,
)

from .errors import GraphError, MissingInputError, QueryError
from .graph.iris import DEFAULT_BASE

Term = NamedNode | BlankNode | Literal | Triple

FORMATS = ("table", "csv", "tsv", "json")

# File extensions the loader understands; anything else is refused with this list.
RDF_FORMATS: dict[str, RdfFormat] = {
    ".ttl": RdfFormat.TURTLE,
    ".nt": RdfFormat.N_TRIPLES,
    ".nq": RdfFormat.N_QUADS,
    ".trig": RdfFormat.TRIG,
    ".jsonld": RdfFormat.JSON_LD,
    ".n3": RdfFormat.N3,
    ".rdf": RdfFormat.RDF_XML,
    ".owl": RdfFormat.RDF_XML,
}

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDF_TYPE_NODE = NamedNode(RDF_TYPE)

# Prefixes added for display when a graph file does not declare them (rdflib,
# for one, leaves out a prefix it cannot use in a prefixed name, such as doc:).
VOCABULARY_PREFIXES = {
    "ng": "https://w3id.org/newsgraph/ontology#",
    "plover": "https://w3id.org/newsgraph/plover#",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "schema": "https://schema.org/",
    "xsd": XSD,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}
# prefix -> path under the base of instance IRIs (docs/graph-model.md)
INSTANCE_PREFIXES = {
    "person": "person/", "orgn": "org/", "state": "state/", "place": "place/", "doc": "doc/", "role": "role/",
    "membership": "membership/", "event": "event/", "evidence": "evidence/", "author": "author/",
}


# ---------------------------------------------------------------- loading


@dataclass(frozen=True)
class LoadedGraph:
    """An in-memory Oxigraph store with the prefixes to show its IRIs with.

    The prefixes (the file's own, completed by :func:`display_prefixes`)
    make answers readable: ``person:antony-blinken`` rather than the IRI.
    """

    store: Store
    prefixes: Mapping[str, str]
    source: Path


def resolve_graph_path(path: str | Path) -> Path:
    """The graph file named by ``path``: the file itself, or ``graph.ttl`` in a build folder."""
    given = Path(path)
    if given.is_dir():
        candidate = given / "graph.ttl"
        if not candidate.is_file():
            raise MissingInputError(
                f"graph file '{candidate}' does not exist: run `newsgraph build` first or check the path"
            )
        return candidate
    if not given.exists():
        raise MissingInputError(f"graph file '{given}' does not exist: run `newsgraph build` first or check the path")
    return given


def load_graph(path: str | Path) -> LoadedGraph:
    """Parse a graph file (format by extension) or a build folder's ``graph.ttl`` into a store."""
    file = resolve_graph_path(path)
    fmt = RDF_FORMATS.get(file.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(RDF_FORMATS))
        raise GraphError(f"cannot tell the RDF format of '{file}': name it with one of {known}")
    store = Store()
    try:
        quads = parse(path=str(file), format=fmt)
        store.extend(quads)
    except (SyntaxError, ValueError) as error:
        raise GraphError(f"cannot read graph file '{file}': {_one_line(str(error))}") from None
    except OSError as error:
        raise GraphError(f"cannot read graph file '{file}': {error.strerror or error}") from None
    return LoadedGraph(store=store, prefixes=display_prefixes(quads.prefixes), source=file)


def display_prefixes(declared: Mapping[str, str]) -> dict[str, str]:
    """The graph's own prefixes, completed with the ontology's and the instance namespaces'.

    The base of instance IRIs is read off a declared instance namespace
    (``…/person/``), so a build with ``--base`` shortens as well; a declared
    prefix always wins over an added one.
    """
    prefixes = dict(declared)
    bases = {
        namespace[: -len(path)]
        for namespace in declared.values()
        for path in INSTANCE_PREFIXES.values()
        if namespace.endswith("/" + path)
    }
    candidates = list(VOCABULARY_PREFIXES.items())
    for base in sorted(bases) or [DEFAULT_BASE]:
        candidates += [(name, base + path) for name, path in INSTANCE_PREFIXES.items()]
    taken = set(prefixes.values())
    for name, namespace in candidates:
        if name not in prefixes and namespace not in taken:
            prefixes[name] = namespace
            taken.add(namespace)
    return prefixes


# ---------------------------------------------------------------- running


@dataclass(frozen=True)
class QueryResult:
    """A materialised answer: rows for SELECT, a boolean for ASK, triples for CONSTRUCT/DESCRIBE."""

    kind: Kind["select", "ask", "graph"]
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[Triple, ...] = ()

    def without(self, names: Sequence[str]) -> QueryResult:
        """The same answer without the columns ``names`` (e.g. echoed parameters)."""
        keep = [i for i, v in enumerate(self.variables) if v not in names]
        return replace(
            self,
            variables=tuple(self.variables[i] for i in keep),
            rows=tuple(tuple(row[i] for i in keep) for row in self.rows),
        )


def _store_of(graph: LoadedGraph | Store) -> Store:
    return graph.store if isinstance(graph, LoadedGraph) else graph


def run_query(
    graph: LoadedGraph | Store,
    query: str,
    bindings: Mapping[str, Term] | None = None,
) -> QueryResult:
    """Run a read-only SPARQL query; ``bindings`` maps variable names (with or without ``?``) to terms."""
    substitutions = {Variable(name.lstrip("?$")): term for name, term in (bindings or {}).items()}
    try:
        answer = _store_of(graph).query(
            query,
            use_default_graph_as_union=True,
            substitutions=substitutions or None,
        )
    except SyntaxError as error:
        raise QueryError(f"invalid SPARQL: {_one_line(str(error))}") from None
    except RuntimeError as error:
        # Oxigraph refuses to substitute a variable the query does not select.
        raise QueryError(f"cannot bind parameters: {_one_line(str(error))}") from None
    if isinstance(answer, QueryBoolean):
        return QueryResult(kind="ask", boolean=bool(answer))
    if isinstance(answer, QuerySolutions):
        names = tuple(v.value for v in answer.variables)
        rows = tuple(tuple(solution[i] for i in range(len(names))) for solution in answer)
        return QueryResult(kind="select", variables=names, rows=rows)
    return QueryResult(kind="graph", triples=tuple(answer))


def _one_line(message: str) -> str:
    return " ".join(message.split())


# ---------------------------------------------------------------- named queries


@dataclass(frozen=True)
class QueryParam:
    """A parameter of a named query: a variable bound to a literal or an IRI."""

    name: str
    kind: Kind["literal", "iri"]
    description: str = ""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[QueryParam, ...]
    text: str

    @property
    def usage(self) -> str:
        """``mentions-of NAME``: the name followed by its parameters in capitals."""
        return " ".join([self.name, *(p.name.upper() for p in self.params)])


_HEADER = re.compile(r"^#\s*(name|description|param)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^\?(\w+)\s+(literal|iri)\b\s*(?:[—–-]+\s*)?(.*)$")


def parse_named_query(text: str, filename: str = "<query>") -> NamedQuery:
    """Read the ``# name:``/``# description:``/``# param:`` header of a ``.rq`` file."""
    name = description = None
    params: list[QueryParam] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = _HEADER.match(line)
        if not match:
            continue
        key, value = match.groups()
        if key == "name":
            name = value
        elif key == "description":
            description = value
        else:
            param = _PARAM.match(value)
            if not param:
                raise QueryError(
                    f"bad '# param:' line in {filename}: {value!r} (write '?name literal|iri — what it is')"
                )
            params.append(QueryParam(param.group(1), param.group(2), param.group(3)))  # type: ignore[arg-type]
    if not name or description is None:
        raise QueryError(f"named query {filename} needs '# name:' and '# description:' lines")
    return NamedQuery(name=name, description=description, params=tuple(params), text=text)


@lru_cache(maxsize=1)
def named_queries() -> dict[str, NamedQuery]:
    """Every named query shipped in ``newsgraph/queries``, by name."""
    folder = resources.files("newsgraph") / "queries"
    found: dict[str, NamedQuery] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            query = parse_named_query(entry.read_text(encoding="utf-8"), entry.name)
            found[query.name] = query
    return dict(sorted(found.items()))


def get_named_query(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"no named query {name!r}: choose one of {', '.join(queries)} (see --list-named)")
    return queries[name]


def bind_params(
    query: NamedQuery, values: Sequence[str], prefixes: Mapping[str, str] | None = None
) -> dict[str, Term]:
    """Terms for a named query's parameters, from the strings given on the command line.

    An IRI parameter may be written whole or with one of the graph's prefixes
    (``event:5d2a…``), as the table output shows it.
    """
    if len(values) < len(query.params):
        missing = query.params[len(values)]
        raise QueryError(
            f"named query {query.name!r} needs a value for {missing.name.upper()}"
            f" ({missing.description or missing.kind}): use --named {query.usage}"
        )
    if len(values) > len(query.params):
        extra = " ".join(values[len(query.params):])
        raise QueryError(
            f"named query {query.name!r} takes {len(query.params)} value(s), got extra {extra!r}:"
            f" use --named {query.usage}"
        )
    bound: dict[str, Term] = {}
    for param, value in zip(query.params, values, strict=True):
        bound[param.name] = Literal(value) if param.kind == "literal" else _iri(value, param, prefixes or {})
    return bound


def _iri(value: str, param: QueryParam, prefixes: Mapping[str, str]) -> NamedNode:
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    prefix, colon, local = text.partition(":")
    if colon and prefix in prefixes and not local.startswith("//"):
        text = prefixes[prefix] + local
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", text):
        raise QueryError(f"{param.name.upper()} must be an IRI such as https://w3id.org/newsgraph/id/…, got {value!r}")
    try:
        return NamedNode(text)
    except ValueError as error:
        raise QueryError(f"{param.name.upper()} is not a valid IRI ({value!r}): {_one_line(str(error))}") from None


def run_named(graph: LoadedGraph | Store, name: str, values: Sequence[str] = ()) -> QueryResult:
    """Run a named query with its parameter values; the parameter columns are left out."""
    query = get_named_query(name)
    prefixes = graph.prefixes if isinstance(graph, LoadedGraph) else {}
    result = run_query(graph, query.text, bind_params(query, values, prefixes))
    return result.without([p.name for p in query.params])


def describe_named_queries() -> str:
    """The listing printed by ``--list-named``: usage, description, then each parameter."""
    queries = list(named_queries().values())
    width = max(len(q.usage) for q in queries)
    lines = []
    for q in queries:
        lines.append(f"{q.usage.ljust(width)}  {q.description}")
        for p in q.params:
            lines.append(f"{'':{width}}    {p.name.upper()} ({p.kind}): {p.description}")
    return "\n".join(lines)


# ---------------------------------------------------------------- formatting


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
        return " ".join(term.value.split())
    return str(term)


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


__all__ = sorted(
    [
        "FORMATS",
        "LoadedGraph",
        "NamedQuery",
        "QueryParam",
        "QueryResult",
        "bind_params",
        "describe_named_queries",
        "display_prefixes",
        "format_result",
        "get_named_query",
        "load_graph",
        "named_queries",
        "parse_named_query",
        "resolve_graph_path",
        "run_named",
        "run_query",
        "shorten",
    ]
)

"""Named queries: the ``.rq`` files shipped in the package folder ``newsgraph/queries``.

Each file opens with comment lines that describe it::

    # name: mentions-of
    # description: every mention of an entity, with its sentence
    # param: ?name literal — the entity's name or alias

Oxigraph requires a substituted variable to be in the SELECT projection;
named queries therefore select their parameters and :func:`run_named` drops
those columns again.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal as Kind

from pyoxigraph import Literal, NamedNode, Store

from ..errors import QueryError
from .loading import LoadedGraph, one_line
from .running import QueryResult, Term, run_query


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
        raise QueryError(f"{param.name.upper()} is not a valid IRI ({value!r}): {one_line(str(error))}") from None


def run_named(graph: LoadedGraph | Store, name: str, values: Sequence[str] = (), *,
              limit: int | None = None) -> QueryResult:
    """Run a named query with its parameter values; the parameter columns are left out."""
    query = get_named_query(name)
    prefixes = graph.prefixes if isinstance(graph, LoadedGraph) else {}
    bound = bind_params(query, values, prefixes)
    if name == "mentions-of":  # a surname or part of a name: which entities it means is found first
        from .names import mentions_of

        result = mentions_of(graph, query.text, str(bound["name"].value), limit=limit)
    else:
        result = run_query(graph, query.text, bound, limit=limit)
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

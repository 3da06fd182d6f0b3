"""Run a read-only SPARQL query on a loaded graph and materialise the answer.

Parameters are bound with Oxigraph's ``substitutions`` (SEP-0007), never by
pasting text into the query, so a value such as ``x" } ; DROP ALL ; #`` is
only ever a literal to compare with.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from typing import Literal as Kind

from pyoxigraph import BlankNode, Literal, NamedNode, QueryBoolean, QuerySolutions, Store, Triple, Variable

from ..errors import QueryError
from .loading import VOCABULARY_PREFIXES, LoadedGraph, one_line
from .offline import refuse_unsafe

Term = NamedNode | BlankNode | Literal | Triple


@dataclass(frozen=True)
class QueryResult:
    """A materialised answer: rows for SELECT, a boolean for ASK, triples for CONSTRUCT/DESCRIBE."""

    kind: Kind["select", "ask", "graph"]
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[Triple, ...] = ()
    truncated: bool = False  # more rows (or triples) than the row limit: only the first are here
    notes: tuple[str, ...] = ()  # lines for stderr: how a parameter was read ("matched Mark Rutte")

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
    *,
    limit: int | None = None,
) -> QueryResult:
    """Run a read-only SPARQL query; ``bindings`` maps variable names (with or without ``?``) to terms.

    With ``limit``, at most that many rows (or triples) are materialised and
    the answer says ``truncated``: the rest is never computed, so a query over
    a cross product costs only what it shows.
    """
    substitutions = {Variable(name.lstrip("?$")): term for name, term in (bindings or {}).items()}
    # The usual prefixes (ng:, skos:, person: ...) need no PREFIX lines; a query's own win.
    prefixes = dict(graph.prefixes) if isinstance(graph, LoadedGraph) else dict(VOCABULARY_PREFIXES)
    refuse_unsafe(query, prefixes)  # SERVICE is found in the parsed query, never by a pattern
    try:
        answer = _store_of(graph).query(
            query,
            prefixes=prefixes,
            substitutions=substitutions or None,
        )
        if isinstance(answer, QueryBoolean):
            return QueryResult(kind="ask", boolean=bool(answer))
        if isinstance(answer, QuerySolutions):
            names = tuple(v.value for v in answer.variables)
            rows, more = _take((tuple(solution[i] for i in range(len(names))) for solution in answer), limit)
            return QueryResult(kind="select", variables=names, rows=rows, truncated=more)
        triples, more = _take(iter(answer), limit)
        return QueryResult(kind="graph", triples=triples, truncated=more)
    except SyntaxError as error:
        raise QueryError(f"invalid SPARQL: {one_line(str(error))}") from None
    except RuntimeError as error:
        # Oxigraph refuses to substitute a variable the query does not select.
        raise QueryError(f"cannot bind parameters: {one_line(str(error))}") from None
    except (OSError, ValueError) as error:  # raised while the answer is evaluated
        raise QueryError(f"the query failed: {one_line(str(error))}") from None


def _take(items, limit: int | None) -> tuple[tuple, bool]:
    """The first ``limit`` items (all when None) and whether there were more."""
    if limit is None:
        return tuple(items), False
    taken = tuple(islice(items, limit + 1))
    return taken[:limit], len(taken) > limit

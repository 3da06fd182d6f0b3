"""Queries stay offline: a SERVICE call is found in the parsed query and refused.

pyoxigraph has no switch to turn its SPARQL ``SERVICE`` client off, so a
query that names a remote endpoint would make a real HTTP request. The
query is therefore parsed twice before it runs:

1. by Oxigraph itself, without evaluating it (an impossible substitution
   makes it stop right after parsing), so a syntax error reads the way
   Oxigraph reports it;
2. by rdflib's SPARQL 1.1 parser, whose parse tree is walked for a
   ``ServiceGraphPattern`` node. A query that Oxigraph accepts and rdflib
   cannot parse is refused too (fail closed): newsgraph runs only queries it
   could check.

rdflib expands ``\\uXXXX`` escapes before parsing, which Oxigraph does not;
``for_rdflib`` neutralises them first, so a string such as ``"\\u005C"``
cannot end early for one parser and not the other.
"""
from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from functools import lru_cache

from pyoxigraph import Literal, Store, Variable

from ..errors import QueryError

SERVICE_REFUSED = "SERVICE is not allowed: newsgraph queries run offline, on the local graph only"
#: Longer queries are refused before any parser sees them (pyparsing is slow on huge input).
MAX_QUERY_CHARS = 100_000

_HEX4 = re.compile(r"[0-9A-Fa-f]{4}")
_HEX8 = re.compile(r"[0-9A-Fa-f]{8}")


def for_rdflib(query: str) -> str:
    """The query with every backslash escape kept the same length and kind,
    but none that rdflib's pre-parse ``\\u`` expansion could change.

    Backslashes are read in pairs, as Oxigraph reads them: ``\\uXXXX`` and
    ``\\UXXXXXXXX`` (one character in a string or IRI) become ``x``; ``\\\\``
    (an escaped backslash, valid in strings only) becomes the escape ``\\t``;
    any other ``\\c`` stays.
    """
    out: list[str] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch != "\\" or i + 1 >= n:
            out.append(ch)
            i += 1
            continue
        nxt = query[i + 1]
        if nxt == "u" and _HEX4.fullmatch(query, i + 2, i + 6):
            out.append("x")
            i += 6
        elif nxt == "U" and _HEX8.fullmatch(query, i + 2, i + 10):
            out.append("x")
            i += 10
        elif nxt == "\\":
            out.append("\\t")
            i += 2
        else:
            out.append(ch + nxt)
            i += 2
    return "".join(out)


def check_oxigraph_syntax(query: str, prefixes: Mapping[str, str]) -> None:
    """QueryError with Oxigraph's message when the query does not parse; nothing is evaluated."""
    probe = Variable(f"newsgraph_probe_{uuid.uuid4().hex}")
    try:
        Store().query(query, prefixes=dict(prefixes), substitutions={probe: Literal("")})
    except SyntaxError as error:
        raise QueryError(f"invalid SPARQL: {' '.join(str(error).split())}") from None
    except RuntimeError:
        return  # parsed, then refused the substitution: nothing ran
    # Reaching here would mean Oxigraph evaluated the probe; never run such a query.
    raise QueryError("cannot check the query before running it (unexpected pyoxigraph behaviour)")


def has_service(query: str) -> bool:
    """True when the parsed query has a SERVICE pattern anywhere (subqueries included)."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(for_rdflib(query))
    except (ParseException, ValueError, TypeError, RecursionError) as error:
        raise QueryError(
            "newsgraph cannot check this query for SERVICE calls, so it does not run it"
            f" (rdflib's SPARQL 1.1 parser: {' '.join(str(error).split())}): write it in plain SPARQL 1.1"
        ) from None
    return _any_service(tree)


def _any_service(node: object) -> bool:
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name == "ServiceGraphPattern":
                return True
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)) or type(item).__name__ == "ParseResults":
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
    return False


def refuse_unsafe(query: str, prefixes: Mapping[str, str]) -> None:
    """Raise QueryError unless ``query`` is valid SPARQL with no SERVICE call (remembered per
    query and prefixes: parsing costs 20-70 ms and named queries and endpoints repeat queries)."""
    _refuse_unsafe(query, tuple(sorted(prefixes.items())))


@lru_cache(maxsize=512)
def _refuse_unsafe(query: str, prefix_items: tuple[tuple[str, str], ...]) -> None:
    prefixes = dict(prefix_items)
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(query):,} characters long; the limit is {MAX_QUERY_CHARS:,}")
    check_oxigraph_syntax(query, prefixes)
    if has_service(query):
        raise QueryError(SERVICE_REFUSED)

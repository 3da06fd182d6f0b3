"""Which entities a name typed on the command line stands for (``--named mentions-of NAME``).

A reader types "rutte", "Zelenskyy" or "Sanchez", not the canonical label.
Names and aliases (``skos:prefLabel``, the names documents give with
``rdfs:label``, ``skos:altLabel``) are compared by their text, whatever their
language tag (labels are ``@en``), with case and accents folded ("Sánchez" =
"sanchez"): an entity with a label equal to NAME is the match; when none has
one, every entity one of whose labels holds NAME's words as a run of whole
words ("Rutte" in "Mark Rutte", "van der Berg" in "Pieter van der Berg").
With no match at all, the labels closest to NAME (difflib) are offered
instead.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Store

from .formatting import shorten
from .loading import LoadedGraph
from .running import QueryResult, run_query

_LABELS = """
SELECT ?entity ?label ?pref WHERE {
  { ?entity skos:prefLabel ?label . BIND(true AS ?pref) }
  UNION
  { ?entity <http://www.w3.org/2000/01/rdf-schema#label>|skos:altLabel ?label . BIND(false AS ?pref) }
  FILTER(isIRI(?entity) && isLiteral(?label))
}
"""
_WORD = re.compile(r"\w+")
SUGGESTIONS = 5


def fold(text: str) -> str:
    """``text`` without case or accents: "Sánchez" -> "sanchez", "Ærø" -> "aerø"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text)))


@dataclass(frozen=True)
class NameMatch:
    """The entities a name stands for, each with its canonical label, and near names when none."""

    name: str
    entities: tuple[tuple[str, str], ...] = ()  # (IRI, the label it matched by), sorted by IRI
    exact: bool = False
    suggestions: tuple[str, ...] = ()

    def note(self, prefixes: Mapping[str, str] | None = None) -> str:
        """One line for stderr: what NAME was taken to mean, or what to try instead."""
        if self.entities:
            how = "named" if self.exact else "with a name containing"
            shown = "; ".join(f"{label} ({shorten(iri, prefixes or {})})" for iri, label in self.entities)
            return f"mentions-of: {len(self.entities)} entit{'y' if len(self.entities) == 1 else 'ies'} {how} {self.name!r}: {shown}"
        if self.suggestions:
            return f"mentions-of: no entity is named {self.name!r}; did you mean " + ", ".join(
                self.suggestions) + "?"
        return f"mentions-of: no entity is named {self.name!r}, and no name is close to it"


def match_entities(graph: LoadedGraph | Store, name: str) -> NameMatch:
    """The entities ``name`` names: by a whole label first, else by a run of a label's words."""
    rows = run_query(graph, _LABELS).rows
    labels: dict[str, dict[str, bool]] = {}  # entity -> label -> is the prefLabel
    for entity, label, pref in rows:
        if isinstance(entity, NamedNode) and isinstance(label, Literal):
            seen = labels.setdefault(entity.value, {})
            seen[label.value] = seen.get(label.value, False) or pref.value == "true"
    wanted = words(name)
    if not wanted:
        return NameMatch(name)
    exact = _matches(labels, lambda ws: ws == wanted)
    if exact:
        return NameMatch(name, exact, exact=True)
    partial = _matches(labels, lambda ws: _holds(ws, wanted))
    if partial:
        return NameMatch(name, partial)
    by_fold: dict[str, tuple[str, str]] = {}  # folded label -> (as shown, with its entity's name if an alias; entity)
    for entity in sorted(labels):
        names = labels[entity]
        pref = next((label for label, is_pref in sorted(names.items()) if is_pref), None)
        for label in sorted(names):
            shown = label if pref is None or label == pref else f"{label} ({pref})"
            by_fold.setdefault(" ".join(words(label)), (shown, entity))
    near = difflib.get_close_matches(" ".join(wanted), list(by_fold), n=SUGGESTIONS, cutoff=0.6)
    # a surname typed with a typo is closer to a word of a label than to the whole label
    single = {w: f for f in by_fold for w in f.split()}
    near += [single[w] for w in difflib.get_close_matches(" ".join(wanted), list(single), n=SUGGESTIONS, cutoff=0.75)]
    one_each = {by_fold[f][1]: by_fold[f][0] for f in reversed(near)}  # the closest label of each entity
    suggestions = tuple(dict.fromkeys(by_fold[f][0] for f in near if one_each[by_fold[f][1]] == by_fold[f][0]))
    suggestions = suggestions[:SUGGESTIONS]
    return NameMatch(name, suggestions=suggestions)


def _matches(labels: dict[str, dict[str, bool]], accept) -> tuple[tuple[str, str], ...]:
    found = []
    for entity in sorted(labels):
        names = labels[entity]
        hits = [label for label in names if accept(words(label))]
        if hits:
            pref = next((label for label, is_pref in sorted(names.items()) if is_pref), min(hits))
            found.append((entity, pref))
    return tuple(found)


def _holds(label: Sequence[str], wanted: Sequence[str]) -> bool:
    """Are ``wanted`` a run of whole words of ``label``?"""
    n = len(wanted)
    return any(tuple(label[i:i + n]) == tuple(wanted) for i in range(len(label) - n + 1))


def mentions_of(graph: LoadedGraph | Store, text: str, name: str, *, limit: int | None = None) -> QueryResult:
    """The named query ``mentions-of`` (``text``) for every entity ``name`` stands for, in entity order;
    the answer carries one note saying which entities those were (or what was near)."""
    match = match_entities(graph, name)
    variables: tuple[str, ...] = ()
    rows: list[tuple] = []
    truncated = False
    for iri, label in match.entities:
        left = None if limit is None else limit - len(rows)
        if left is not None and left <= 0:
            truncated = True
            break
        result = run_query(graph, text, {"name": Literal(label), "entity": NamedNode(iri)}, limit=left)
        variables = result.variables
        rows.extend(result.rows)
        truncated = truncated or result.truncated
    if not variables:  # nothing matched: the columns the query would have given, no rows
        variables = run_query(graph, text, {"name": Literal("")}, limit=0).variables
    prefixes = graph.prefixes if isinstance(graph, LoadedGraph) else {}
    return QueryResult(kind="select", variables=variables, rows=tuple(rows), truncated=truncated,
                       notes=(match.note(prefixes),))

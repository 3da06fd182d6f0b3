"""Score built graphs against gold annotations (``NAME.gold.json`` beside ``NAME.txt``).

The rules are the annotation guidelines' (shared/eval/GUIDELINES.md):

- entities: a predicted Person, Organisation or State stands for the gold
  entity one of its labels names (case-insensitive, ignoring a leading
  "the", a trailing possessive and the dots of acronyms), preferring one of
  its own type. It is a true positive when the types agree and no other
  prediction took that entity first; otherwise a false positive (a
  duplicate, a type clash such as a State for a gold Place, or not in gold).
  Places are listed, not scored: a Place for a gold State costs the miss.
- roles: the person and ``of`` stand for the same gold entities (any
  ``of`` when the gold has none) and the role strings share a content word.
- events: type and agent match, and the target where the gold has one
  (a gold event without a target is matched by an agent-only event and by
  one with a target alike); either order for the symmetric CONSULT and
  COOPERATE. Graph events may lack ``ng:target``. Repeats of one event
  (other dates, sentences) count once; an end that stands for no gold
  entity is told apart by its IRI, so two different unmatched events are
  two false positives.
- quotes, only for a gold file with a ``quotes`` list: the speaker stands
  for the gold one (any, for a gold quote whose speaker is null) and the
  quoted words overlap the gold text by at least half of the shorter of the
  two, counted in words with repeats. A quotation read twice counts once.

Items marked ``optional`` are neither required nor penalised. Roles, events
and quotes are paired with gold items by a maximum matching; one that
repeats a found item is not a false positive (the duplicate rule is the
entities'). These choices agree with the reference scorer shipped beside
the gold files but two: that scorer keys an event by its type and the gold
names of its ends, with nothing for an end that stands for no gold entity
(or no target), so unmatched events that differ only in such ends are one
false positive there and several here; and it pairs first come, first
served in the order it reads the graph, so where one prediction fits two
gold items (an event with a target also fits the agent-only gold event of
its agent) it can strand one that a later prediction needed. Its event
precision can be higher than ours and its recall lower, never the reverse.

The graph is read only through the RDF contract of ``docs/graph-model.md``
(entity classes with SKOS labels, ``org:Membership``, ``ng:Event``) and the
reference scorer's ``ng:Quotation`` (``ng:speaker`` or
``schema:spokenByCharacter``; ``schema:text`` or ``ng:quotedText``), so any
graph of that shape can be scored, whoever built it.

- ``report.py``: counts, errors and the per-document and whole-run reports;
- ``formatting.py``: the report as the command's table and as JSON;
- ``matching.py``: name keys, role content words, quoted-word overlap,
  gold checking, which gold entity a predicted node stands for;
- ``reading.py``: the predicted graph, read through the RDF contract;
- ``scoring.py``: ``score_graph``, one document against its gold dict;
- ``running.py``: ``evaluate_dir``, a folder of documents built and scored.
"""
from __future__ import annotations

from .matching import (
    ACTOR_TYPES,
    ENTITY_TYPES,
    ROLE_STOPWORDS,
    SYMMETRIC_EVENTS,
    check_gold,
    content_words,
    name_keys,
    quote_overlaps,
)
from .formatting import format_json, format_report
from .report import SECTIONS, Counts, DocumentScore, Error, EvaluationReport
from .running import Build, evaluate_dir, load_gold, pipeline_build
from .scoring import score_graph

__all__ = sorted(
    [
        "ACTOR_TYPES",
        "Build",
        "Counts",
        "DocumentScore",
        "ENTITY_TYPES",
        "Error",
        "EvaluationReport",
        "ROLE_STOPWORDS",
        "SECTIONS",
        "SYMMETRIC_EVENTS",
        "check_gold",
        "content_words",
        "evaluate_dir",
        "format_json",
        "format_report",
        "load_gold",
        "name_keys",
        "quote_overlaps",
        "pipeline_build",
        "score_graph",
    ]
)

"""The one exception tree of newsgraph.

    NewsgraphError                 anything newsgraph reports to a user
    ├── InputError                 an input path, file or stream is unusable
    │   ├── MissingInputError      a path that does not exist (exit 2)
    │   └── UnreadableInputError   undecodable, binary or malformed content
    ├── ModelError                 the spaCy model cannot be loaded
    ├── OntologyError              ontology/lexicon files missing or invalid
    ├── GraphError                 a graph file cannot be read or written
    ├── QueryError                 a SPARQL query is invalid or unknown
    └── EvaluationError            gold files missing or malformed

Every error carries a one-line message that names the thing at fault and
says what to do; the CLI prints it as is (no traceback).
"""
from __future__ import annotations


class NewsgraphError(Exception):
    """Base of every error newsgraph reports to a user."""

    exit_code = 1


class InputError(NewsgraphError):
    exit_code = 2


class MissingInputError(InputError):
    exit_code = 2


class UnreadableInputError(InputError):
    exit_code = 2


class ModelError(NewsgraphError):
    exit_code = 1


class OntologyError(NewsgraphError):
    exit_code = 1


class GraphError(NewsgraphError):
    exit_code = 1


class QueryError(NewsgraphError):
    exit_code = 2


class EvaluationError(NewsgraphError):
    exit_code = 2


__all__ = sorted(
    [
        "EvaluationError",
        "GraphError",
        "InputError",
        "MissingInputError",
        "ModelError",
        "NewsgraphError",
        "OntologyError",
        "QueryError",
        "UnreadableInputError",
    ]
)

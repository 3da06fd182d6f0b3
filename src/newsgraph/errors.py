"""The one exception tree of newsgraph.

    NewsgraphError                 anything newsgraph reports to a user
    ├── InputError                 an input path, file or stream is unusable
    │   ├── MissingInputError      a path that does not exist (exit 2)
    │   └── UnreadableInputError   undecodable, binary or malformed content
    ├── ModelError                 the spaCy model cannot be loaded
    ├── OntologyError              ontology/lexicon files missing or invalid
    ├── GraphError                 a graph file cannot be read or written
    ├── ClusterError               Dask is missing or its scheduler cannot be reached
    ├── QueryError                 a SPARQL query is invalid or unknown
    │   └── QueryTimeoutError      a query ran past --timeout (exit 124)
    └── EvaluationError            gold files missing or malformed

Every error carries a one-line message that names the thing at fault and
says what to do; the CLI prints it as is (no traceback).

Exit codes of every command (README.md, "Exit codes"):

    0    done, nothing to report
    1    failed: nothing (or nothing new) was written
    2    a usage error or an input that cannot be used at all
    3    built with warnings: the output was written, but some input was
         skipped or changed (each one named in a warning line)
    124  a query ran longer than --timeout and was stopped
    130  interrupted (Ctrl-C)
    143  stopped by SIGTERM
"""
from __future__ import annotations


EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_BUILT_WITH_WARNINGS = 3
EXIT_TIMEOUT = 124
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


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


class QueryTimeoutError(QueryError):
    """A query that ran longer than its time limit and was stopped."""

    exit_code = EXIT_TIMEOUT


class EvaluationError(NewsgraphError):
    exit_code = 2


__all__ = sorted(
    [
        "EXIT_BUILT_WITH_WARNINGS",
        "EXIT_FAILED",
        "EXIT_INTERRUPTED",
        "EXIT_OK",
        "EXIT_TERMINATED",
        "EXIT_TIMEOUT",
        "EXIT_USAGE",
        "EvaluationError",
        "GraphError",
        "InputError",
        "MissingInputError",
        "ModelError",
        "NewsgraphError",
        "OntologyError",
        "QueryError",
        "QueryTimeoutError",
        "UnreadableInputError",
    ]
)


class ClusterError(NewsgraphError):
    exit_code = 1

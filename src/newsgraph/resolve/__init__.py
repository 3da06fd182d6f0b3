"""The resolve stage: mentions -> entities with canonical names, aliases and keys."""
from __future__ import annotations

from .classify import Candidate, classify, strip_titles
from .cluster import resolve_entities
from .metonymy import add_referenced_states, capital_states

__all__ = sorted(["Candidate", "add_referenced_states", "capital_states", "classify", "resolve_entities",
                  "strip_titles"])

"""The resolve stage: mentions -> entities with canonical names, aliases and keys."""
from __future__ import annotations

from .classify import Candidate, classify, strip_titles
from .cluster import resolve_entities

__all__ = sorted(["Candidate", "classify", "resolve_entities", "strip_titles"])

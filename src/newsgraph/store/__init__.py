"""Stores the build writes to and every reader reads from (docs/store.md)."""
from __future__ import annotations

from .backend import Backend, LocalBackend

__all__ = sorted(["Backend", "LocalBackend"])

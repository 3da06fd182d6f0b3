"""newsgraph: a knowledge graph of who is who and who did what to whom, from news text."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]

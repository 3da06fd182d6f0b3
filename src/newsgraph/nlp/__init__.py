"""The NLP stage: spaCy in, plain records out (see ``analyse``)."""
from __future__ import annotations

from .analyse import KEPT_LABELS, analyse_documents
from .model import DEFAULT_MODELS, load_pipeline

__all__ = sorted(["DEFAULT_MODELS", "KEPT_LABELS", "analyse_documents", "load_pipeline"])

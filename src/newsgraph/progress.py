"""How a build reports its progress: the library's side (the CLI draws it, ``commands/_progress.py``)."""
from __future__ import annotations

import re
from typing import Protocol

from .types import Document

_WORD = re.compile(r"\S+")


def words_in(document: Document) -> int:
    """Words of the text the NLP reads (its segments), the unit of throughput."""
    return sum(len(_WORD.findall(document.text[s.start:s.end])) for s in document.segments)


class Progress(Protocol):
    """Told how much work a build has, then each document once it is in the store."""

    def start(self, documents: int, words: int) -> None: ...

    def advance(self, document: Document) -> None: ...

"""Words of a paragraph without splitting it whole: a text with no line break is one
paragraph of any size, and ``text.split()`` of 50 MB makes some 8 million strings (450 MB)."""
from __future__ import annotations

import re
from itertools import islice

_WORD = re.compile(r"\S+")  # \S is what str.split() splits on, complemented
_SPACE = re.compile(r"\s")
#: characters flattened at once
PIECE = 65_536


def more_words_than(text: str, n: int) -> bool:
    """``len(text.split()) > n``, reading no further than word n + 1."""
    return next(islice(_WORD.finditer(text), n, None), None) is not None


def flat(text: str, piece: int = PIECE) -> str:
    """``" ".join(text.split())``: whitespace runs as one space, none at the ends; a text longer
    than ``piece`` is flattened piece by piece, each cut at a whitespace, so no word is cut."""
    if len(text) <= piece:
        return " ".join(text.split())
    pieces, start = [], 0
    while start < len(text):
        found = _SPACE.search(text, start + piece)
        end = found.start() if found else len(text)
        if words := " ".join(text[start:end].split()):
            pieces.append(words)
        start = end
    return " ".join(pieces)

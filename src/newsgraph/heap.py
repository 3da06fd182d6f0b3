"""Give the C heap's free memory back to the system between documents.

spaCy's arrays, the SPARQL update of a document and Oxigraph's transaction
are allocated by C and Rust through glibc's malloc, tens to hundreds of
megabytes for a long document, and freed when the document is written. glibc
keeps most of what is freed inside its heap (only the top of it is returned),
and numpy asks for transparent huge pages there, so the freed memory stayed
resident: a build of a text in parts of 100,000 characters went from 580 MB
after the first part to 1,050 MB after the twelfth, while with
``malloc_trim`` after each part it stayed at 360-390 MB
(``bench/bench_long_text.py``). ``malloc_trim`` hands every free page of
every arena back (a few milliseconds); where it does not exist (not glibc)
this does nothing.
"""
from __future__ import annotations

import ctypes
import ctypes.util

#: characters of documents written between two trims: each part of a long text, every few
#: dozen articles (a trim costs milliseconds; a document of news, hundreds)
TRIM_EVERY = 100_000

_trim = None


def _malloc_trim():
    global _trim
    if _trim is None:
        try:
            _trim = ctypes.CDLL(ctypes.util.find_library("c") or None).malloc_trim
            _trim.argtypes, _trim.restype = [ctypes.c_size_t], ctypes.c_int
        except (OSError, AttributeError):  # not glibc
            _trim = False
    return _trim


def give_back() -> None:
    """Return the free memory of the C heap to the system now."""
    trim = _malloc_trim()
    if trim:
        trim(0)


class Trimmer:
    """Calls ``give_back`` once at least ``every`` characters of text are done since the last call."""

    def __init__(self, every: int = TRIM_EVERY) -> None:
        self.every, self.done = every, 0

    def document_done(self, chars: int) -> None:
        self.done += chars
        if self.done >= self.every:
            give_back()
            self.done = 0

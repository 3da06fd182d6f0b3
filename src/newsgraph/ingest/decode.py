"""Bytes to text, refusing what is not text.

Inputs come from anywhere (folders with PDFs and images in them, exports in
Windows-1252), so decoding is strict: UTF-8 (with or without BOM), UTF-16
when a BOM says so, and Windows-1252 only when the result reads like text.
Anything else is binary or undecodable and the caller skips it with a
warning instead of feeding mojibake to the NLP stage.
"""
from __future__ import annotations

import codecs
import re

from ..errors import UnreadableInputError

def unreadable_message(source: str) -> str:
    return f"skipped {source}: not a UTF-8 text file (binary or undecodable)"


_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _control_count(text: str) -> int:
    return len(_CONTROLS.findall(text))


def _looks_like_text(text: str, *, strict: bool) -> bool:
    """Few control characters; in strict mode (a guessed 8-bit encoding) none
    at all, and mostly ASCII, as Western text in Windows-1252 is."""
    controls = _control_count(text)
    if strict:
        non_ascii_share = len(_NON_ASCII.findall(text)) / max(len(text), 1)
        return controls == 0 and non_ascii_share <= 0.15
    return controls <= max(1, len(text) // 1000)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(raw: bytes, source: str) -> str:
    """The text, with \\n newlines; raises UnreadableInputError if not text."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise UnreadableInputError(unreadable_message(source)) from None
        if _looks_like_text(text, strict=False):
            return normalise_newlines(text)
        raise UnreadableInputError(unreadable_message(source))
    if b"\x00" in raw:
        raise UnreadableInputError(unreadable_message(source))
    try:
        text = raw.decode("utf-8-sig")
        strict = False
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise UnreadableInputError(unreadable_message(source)) from None
        strict = True
    if not _looks_like_text(text, strict=strict):
        raise UnreadableInputError(unreadable_message(source))
    return normalise_newlines(text)

"""Bytes to text, refusing what is not text.

Inputs come from anywhere (folders with PDFs and images in them, exports in
Windows-1252), so decoding is strict: UTF-8 (with or without BOM), UTF-16
when a BOM says so, and Windows-1252 only when the result reads like text.
A file that is mostly UTF-8 with a few Windows-1252 bytes (a copy-paste
from an old page) keeps its UTF-8 characters: only the bytes that are not
UTF-8 are read as Windows-1252, so "café" never turns into "cafÃ©".
Anything else is binary or undecodable and the caller skips it with a
warning instead of feeding mojibake to the NLP stage. A few stray control
characters do not make a text binary (ingest turns them into spaces).
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
    return controls <= max(4, len(text) // 200)


def _cp1252_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: the bytes UTF-8 refused, read as Windows-1252 (strictly)."""
    return error.object[error.start : error.end].decode("cp1252"), error.end


codecs.register_error("newsgraph-cp1252", _cp1252_bytes)


def encoding_note(raw: bytes, source: str) -> str | None:
    """A warning when ``raw`` is not plain UTF-8 (or UTF-16 with a BOM), saying how it is read."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    try:
        raw.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    bad = len(raw) - len(raw.decode("utf-8", "ignore").encode("utf-8"))
    if _NON_ASCII.search(raw.decode("utf-8", "ignore")):
        return f"{source}: mixed UTF-8 and Windows-1252; {bad} bytes that are not UTF-8 read as Windows-1252"
    return f"{source}: not UTF-8; read as Windows-1252 (Latin-1): save it as UTF-8 if words look wrong"


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
            utf8_part = raw.decode("utf-8", "ignore")
            if _NON_ASCII.search(utf8_part):
                # Mixed: keep the UTF-8 characters; only the other bytes must look like text.
                text = raw.decode("utf-8-sig", "newsgraph-cp1252")
                bad_share = (len(raw) - len(utf8_part.encode("utf-8"))) / max(len(raw), 1)
                if _control_count(text) or bad_share > 0.15:
                    raise UnreadableInputError(unreadable_message(source))
                return normalise_newlines(text)
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise UnreadableInputError(unreadable_message(source)) from None
        strict = True
    if not _looks_like_text(text, strict=strict):
        raise UnreadableInputError(unreadable_message(source))
    return normalise_newlines(text)

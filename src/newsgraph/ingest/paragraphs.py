"""Paragraphs of a plain text, with their offsets, and what headlines look like.

Copied news comes in two shapes: one paragraph per line (web copies, live
blogs, the dev corpus) or hard-wrapped at ~72-80 columns with blank lines
between paragraphs (e-mail, wire feeds). The shape is guessed once per
text, so a wrapped paragraph reaches the NLP stage as one stretch and a
headline never runs into the line after it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .signoff import parse_signoff
from .words import more_words_than


@dataclass(frozen=True)
class Paragraph:
    """A stretch ``[start, end)`` of the document text, without its newline."""

    start: int
    end: int
    text: str


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, blank ones included."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def looks_hard_wrapped(text: str) -> bool:
    """Wrapped text: no long lines, blank lines between blocks, and most
    lines followed by another line of the same paragraph."""
    lines = text.split("\n")
    non_blank = [line for line in lines if line.strip()]
    if len(non_blank) < 4 or "" not in (line.strip() for line in lines):
        return False
    if max(len(line) for line in non_blank) > 100:
        return False
    continued = [
        len(lines[i]) for i in range(len(lines) - 1) if lines[i].strip() and lines[i + 1].strip()
    ]
    return len(continued) >= len(non_blank) / 3 and sum(continued) / max(len(continued), 1) >= 50


_TERMINAL = ".!?:;\"”’)"


def _continues(previous: str, line: str) -> bool:
    """In one-paragraph-per-line text, a line may still be a wrapped tail:
    the line before is long, unfinished, and this one starts in lower case."""
    prev = previous.rstrip()
    return len(prev) >= 50 and prev[-1:] not in _TERMINAL and line.lstrip()[:1].islower()


def split_paragraphs(text: str) -> list[Paragraph]:
    """The non-blank paragraphs of ``text`` with offsets (stripped of edge spaces)."""
    wrapped = looks_hard_wrapped(text)
    paragraphs: list[tuple[int, int]] = []
    open_block = False  # is the last paragraph still open to more lines?
    for start, end in _lines(text):
        line = text[start:end]
        if not line.strip():
            open_block = False
            continue
        is_signoff = parse_signoff(line) is not None
        if open_block and not is_signoff:
            prev_start, prev_end = paragraphs[-1]
            previous_line = text[max(prev_start, text.rfind("\n", prev_start, prev_end) + 1) : prev_end]
            if wrapped or _continues(previous_line, line):
                paragraphs[-1] = (prev_start, end)
                continue
        paragraphs.append((start, end))
        open_block = not is_signoff
    result = []
    for start, end in paragraphs:
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        result.append(Paragraph(start + lead, end - trail, text[start + lead : end - trail]))
    return result


_QUOTE_OPEN = "\"“‘'"
_QUOTE_CLOSE = "\"”’'"


def looks_like_headline(text: str, max_words: int = 20) -> bool:
    """Short, starts with a capital (or digit, or a quote), and has no
    sentence-final punctuation: how headlines and subheadings are written."""
    if more_words_than(text, max_words):  # before splitting: a paragraph can be a whole book
        return False
    flat = " ".join(text.split())
    words = flat.split(" ")
    if not flat or len(words) > max_words:
        return False
    first = flat.lstrip(_QUOTE_OPEN)[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    last = flat[-1]
    if last in ".,;:":
        return False
    if last in _QUOTE_CLOSE + ")" and len(flat) > 1 and flat[-2] in ".,;:!?":
        return False
    return any(ch.isalpha() for ch in flat)


_HEADLINE_LABEL = re.compile(
    r"^(?:full story|breaking(?: news)?|watch|analysis|opinion|comment|explained|explainer|live"
    r"|latest|update|updated|exclusive|video|pictured|in pictures|in focus|read|listen)\s*[:|]\s+",
    re.IGNORECASE,
)


def headline_label_length(text: str) -> int:
    """Length of a section label before a headline ("Full story: ..."), or 0."""
    m = _HEADLINE_LABEL.match(text)
    return m.end() if m and m.end() < len(text) else 0

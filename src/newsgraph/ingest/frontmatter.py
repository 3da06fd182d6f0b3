"""Markdown front matter: a ``---`` block of ``key: value`` lines opening a file.

Static-site and notes tools put an article's metadata there (title, author,
date, url). It is metadata, not text: left in, ``author: Jane Roe`` would be
analysed as a sentence naming a Person. Only the simple YAML such blocks are
written in is read (scalars, quoted scalars, ``[a, b]`` and ``- item``
lists), so no YAML library is needed; a block with any other line is not
taken for front matter and stays text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN = re.compile(r"\A\ufeff?---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*$")
_ITEM = re.compile(r"^[ \t]+-[ \t]+(?P<value>.*?)[ \t]*$|^-[ \t]+(?P<value2>.*?)[ \t]*$")
MAX_LINES = 60


@dataclass(frozen=True)
class FrontMatter:
    """The block's fields (keys lower-cased) and where the text after it starts."""

    fields: dict[str, str | list[str]]
    end: int  # offset just past the closing line


def _scalar(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return re.sub(r"[ \t]+#.*$", "", value)  # a trailing YAML comment


def read_front_matter(text: str) -> FrontMatter | None:
    """The front matter opening ``text``, or None when there is none."""
    opened = _OPEN.match(text)
    if not opened:
        return None
    closed = _CLOSE.search(text, opened.end())
    if not closed:
        return None
    lines = text[opened.end() : closed.start()].split("\n")
    if len(lines) > MAX_LINES:
        return None
    fields: dict[str, str | list[str]] = {}
    key = None
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if (item := _ITEM.match(line)) is not None and key is not None:
            current = fields.get(key)
            values = current if isinstance(current, list) else []
            values.append(_scalar(item["value"] or item["value2"] or ""))
            fields[key] = values
            continue
        m = _KEY.match(line)
        if m is None:
            return None  # not the simple YAML of front matter: leave the text alone
        key = m["key"].lower()
        value = m["value"] or ""
        if value.startswith("[") and value.endswith("]"):
            fields[key] = [_scalar(v) for v in value[1:-1].split(",") if v.strip()]
        elif value:
            fields[key] = _scalar(value)
    end = closed.end() + (1 if text[closed.end() : closed.end() + 1] == "\n" else 0)
    return FrontMatter(fields, end)


def first_of(fields: dict[str, str | list[str]], *keys: str) -> str | list[str] | None:
    for key in keys:
        value = fields.get(key)
        if value:
            return value
    return None

"""Surnames the model did not tag, linked to the person the document names.

News names a person in full once and by surname after that ("Ngozi Okafor
... Okafor said"). The small model often leaves a lone surname untagged,
above all at the start of a sentence, and a sentence whose actor is
untagged gives no event. A capitalised word that is the surname of exactly
one person named in full in the same document, standing alone (not part of
a longer name), becomes a PERSON mention of that person.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from ..lexicon import person_titles
from ..types import AnalysedDocument, EntityType, Mention
from .classify import Candidate

_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


def add_untagged_surnames(cands: list[Candidate], docs: Iterable[AnalysedDocument]) -> list[Candidate]:
    """``cands`` plus a PERSON candidate for every untagged lone surname of a person named in full."""
    by_doc: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        by_doc[c.document].append(c)
    added: list[Candidate] = []
    for ad in docs:
        found = by_doc.get(ad.document.key, [])
        carriers: dict[str, set[str]] = defaultdict(set)  # surname -> full names carrying it
        for c in found:
            words = c.name.split()
            if c.type is EntityType.PERSON and len(words) >= 2:
                for w in words:
                    carriers[w].add(c.name)
        covered = [(m.start, m.end) for m in ad.mentions]
        for surname in sorted({c.name.split()[-1] for c in found if c.type is EntityType.PERSON
                               and len(c.name.split()) >= 2}):
            if len(carriers[surname]) != 1 or len(surname) < 3 or not surname[:1].isupper():
                continue
            added.extend(_occurrences(ad, surname, covered))
    if not added:
        return cands
    return sorted([*cands, *added], key=lambda c: (c.document, c.mention.start, c.mention.end))


def _occurrences(ad: AnalysedDocument, surname: str, covered: list[tuple[int, int]]) -> list[Candidate]:
    text = ad.document.text
    also_a_word = re.search(r"\b" + re.escape(surname.lower()) + r"\b", text) is not None
    titles = person_titles()
    out: list[Candidate] = []
    for m in re.finditer(r"(?<![\w'\u2019-])" + re.escape(surname) + r"(?![\w-])", text):
        start, end = m.span()
        if any(s < end and start < e for s, e in covered):
            continue
        sentence = next((i for i, s in enumerate(ad.sentences) if s.start <= start and end <= s.end), None)
        if sentence is None:
            continue
        before = _WORD.findall(text[ad.sentences[sentence].start:start])
        prev = before[-1] if before else None
        if prev is None and also_a_word:  # "Young people ..." at a sentence start
            continue
        if prev is not None and prev[:1].isupper() and prev.casefold().rstrip(".") not in titles and \
                re.search(re.escape(prev) + r"\s+$", text[:start]):
            continue  # part of a longer name: "Ada Okafor" when the document's person is another Okafor
        if re.match(r"(?:['\u2019]s)?\s+[A-Z]", text[end:]):
            continue  # "Okafor Street", "Okafor Foundation"
        mention = Mention(start, end, surname, "PERSON", sentence=sentence, post=ad.sentences[sentence].post,
                          source="surname")
        out.append(Candidate(ad.document.key, mention, EntityType.PERSON, surname, surname))
    return out

"""One name, one reading per document: an acronym the model tagged once is a name wherever it stands.

News writers define an acronym once ("the Rapid Support Forces (RSF)") and
then use it alone; the small model tags some of those uses and misses others,
most often inside a longer noun phrase ("the RSF commander", "an RSF
spokesman"). Within one document an organisation's acronym does not change
its meaning, so every other occurrence of the same capitalised token that no
mention covers becomes a mention of it (source ``consistency``), in the
sentence where it stands. Only acronyms (see ``lexicon.is_acronym``) that the
document itself gives as an organisation are spread: one the model tagged as
an organisation, or one in brackets right after an organisation's name whose
initials it spells ("Rapid Support Forces (RSF)"): a word in capitals the
model never tagged ("CNN —", "WARNING") and a capitalised common word are
left alone. Pure function of the records, so it is tested without the model.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..lexicon import acronym_after, is_acronym, name_initials
from ..types import Mention, Sentence

SOURCE = "consistency"
ORGANISATION = "ORG"
#: Parts of speech an acronym used as a name takes (a verb or a word in a headline in capitals is not one).
NAME_POS = frozenset({"PROPN", "NOUN"})


def _defined(text: str, m: Mention) -> str | None:
    """The acronym a document gives in brackets right after an organisation's name, if it spells
    the name's initials."""
    if m.label != ORGANISATION or is_acronym(m.text):
        return None
    acronym = acronym_after(text, m.end)
    return acronym if acronym is not None and name_initials(m.text) == acronym else None


def spread_acronyms(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    """``mentions`` with a mention added for each untagged use of an organisation acronym the
    document (``text``) tags or defines elsewhere, in document order."""
    acronyms: dict[str, Mention] = {}
    for m in mentions:
        if m.label == ORGANISATION and is_acronym(m.text) and m.text.isalpha():
            acronyms.setdefault(m.text, m)
    for m in mentions:
        defined = _defined(text, m)
        if defined is not None:
            acronyms.setdefault(defined, Mention(m.start, m.end, defined, ORGANISATION, m.sentence, m.post))
    if not acronyms:
        return tuple(mentions)
    covered = {i for m in mentions for i in range(m.start, m.end)}  # characters some mention spans
    added: list[Mention] = []
    for index, sentence in enumerate(sentences):
        for tok in sentence.tokens:
            if tok.text not in acronyms or tok.pos not in NAME_POS:
                continue
            if any(i in covered for i in range(tok.start, tok.end)):
                continue
            model = acronyms[tok.text]
            added.append(Mention(start=tok.start, end=tok.end, text=tok.text, label=ORGANISATION,
                                 sentence=index, post=sentence.post, hint=model.hint, source=SOURCE))
    if not added:
        return tuple(mentions)
    return tuple(sorted([*mentions, *added], key=lambda m: (m.start, m.end)))


__all__ = ["SOURCE", "spread_acronyms"]

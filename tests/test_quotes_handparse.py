"""Hand-built documents of several sentences for the quotation rules (no model).

The quotation rules look across sentences (a quotation may run over two, a
pronoun looks back for its speaker, "the minister" for the holder of a post
named before), so they need documents, not the one sentence tests/handparse.py
builds. ``document`` takes one token table per sentence in handparse's format

    TEXT[|LEMMA]  POS[:TAG]  DEP  HEAD

with one addition: a TEXT written ``+x`` is glued to the token before it,
with no space (``+,`` ``+”``), so the text reads as news prints it and
quotation marks sit where a reader expects them. A table that is the string
``"¶"`` starts a new paragraph. Entities are given by surface text; every run
of whole tokens that spells one, in any sentence, is a mention of it.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timezone

from handparse import _LABELS, _TYPES, _tokens

from newsgraph.relations.quotes import extract_quotations
from newsgraph.types import (AnalysedDocument, Document, Entity, Membership, Mention, Quotation, Resolution,
                             ResolvedMention, Segment, Sentence, Token)

PUBLISHED = datetime(2025, 3, 4, 9, 30, tzinfo=timezone.utc)
PARAGRAPH = "¶"


def _glued(table: str) -> tuple[list[Token], list[bool]]:
    """The tokens of a table and, for each, whether it is glued to the one before."""
    lines = [ln for ln in table.strip().splitlines() if ln.strip()]
    glue = [ln.split()[0].startswith("+") and len(ln.split()[0].split("|")[0]) > 1 for ln in lines]
    cleaned = "\n".join(ln.strip()[1:] if g else ln for ln, g in zip(lines, glue))
    return _tokens(cleaned), glue


def document(tables: Sequence[str], entities: Mapping[str, str] | None = None, *,
             published=PUBLISHED) -> tuple[AnalysedDocument, Resolution]:
    """A document of hand-parsed sentences, as the NLP and resolve stages would hand it on."""
    text, sentences, segments, seg_start = "", [], [], 0
    parsed: list[list[Token]] = []
    for table in tables:
        if table == PARAGRAPH:
            segments.append(Segment(seg_start, len(text)))
            text += "\n\n"
            seg_start = len(text)
            continue
        tokens, glue = _glued(table)
        if text and not text.endswith("\n"):
            text += " "
        start, out = len(text), []
        for tok, glued in zip(tokens, glue):
            if out and not glued:
                text += " "
            begin = len(text)
            text += tok.text
            out.append(Token(tok.i, begin, len(text), tok.text, tok.lemma, tok.pos, tok.tag, tok.dep, tok.head))
        sentences.append(Sentence(start, len(text), text[start:], None, tuple(out)))
        parsed.append(out)
    segments.append(Segment(seg_start, len(text)))
    doc = Document(key="q", source="q.txt", text=text, content_hash="sha256:" + "0" * 64,
                   segments=tuple(segments), published=published)
    found: dict[str, Entity] = {}
    resolved: list[ResolvedMention] = []
    for surface, key in (entities or {}).items():
        words = surface.split()
        etype = _TYPES[key.split("/", 1)[0]]
        iso3 = key.split("/", 1)[1] if key.startswith("state/") else None
        for si, tokens in enumerate(parsed):
            for k in range(len(tokens) - len(words) + 1):
                if [t.text for t in tokens[k:k + len(words)]] == words:
                    start, end = tokens[k].start, tokens[k + len(words) - 1].end
                    hint = f"state:{iso3}" if iso3 else None
                    mention = Mention(start, end, surface, _LABELS[etype], si, None, hint, "ruler" if hint else "ner")
                    resolved.append(ResolvedMention("q", mention, key))
        found.setdefault(key, Entity(key, etype, surface, (), iso3))
    resolved.sort(key=lambda r: r.mention.start)
    analysed = AnalysedDocument(doc, tuple(sentences), tuple(r.mention for r in resolved))
    return analysed, Resolution(tuple(found.values()), tuple(resolved))


def quotations(tables: Sequence[str], entities: Mapping[str, str] | None = None,
               memberships: Sequence[Membership] = ()) -> list[Quotation]:
    """The quotations the rules read in a hand-parsed document."""
    analysed, resolution = document(tables, entities)
    return extract_quotations(analysed, resolution, memberships)[0]


def test_glued_tokens_sit_next_to_the_word_before_and_offsets_cut_every_token():
    ad, resolution = document(["""
        “           PUNCT:``  punct 2
        +Yes        INTJ      ROOT  0
        +,          PUNCT     punct 2
        +”          PUNCT:''  punct 2
        """, PARAGRAPH, """
        Kowal       PROPN     nsubj 2
        left|leave  VERB      ROOT  0
        +.          PUNCT     punct 2
        """], {"Kowal": "person/jan-kowal"})
    assert ad.document.text == "“Yes,”\n\nKowal left."
    for sentence in ad.sentences:
        for tok in sentence.tokens:
            assert ad.document.text[tok.start:tok.end] == tok.text
    assert [ad.document.text[s.start:s.end] for s in ad.document.segments] == ["“Yes,”", "Kowal left."]
    (mention,) = resolution.mentions
    assert ad.document.text[mention.mention.start:mention.mention.end] == "Kowal"

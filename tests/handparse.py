"""Hand-built parses for testing the relation rules without the statistical model.

The rules read plain records (``Sentence`` with ``Token``s carrying a
dependency arc, resolved ``Mention``s), so a test can write the parse it
means, the way spaCy's own tests build a ``Doc`` with heads and deps, and
check the rule's logic on exactly that analysis, whatever the model would
say. One token per line:

    TEXT[|LEMMA]  POS[:TAG]  DEP  HEAD

HEAD counts tokens from 1, and 0 marks the root (as in CoNLL-U). The lemma
defaults to the lower-cased text, the tag to a plausible one for the POS.
Entities are given by their surface text (a run of whole tokens) and key;
states take their ISO code from the key, and a kind ("demonym", "capital")
says how the name refers to the state.
"""
from __future__ import annotations

from collections.abc import Mapping

from newsgraph.relations.context import DocumentContext
from newsgraph.relations.events import extract_events
from newsgraph.relations.merge import merge_events
from newsgraph.resolve.metonymy import offered_states
from newsgraph.types import (AnalysedDocument, Document, Entity, EntityType, Event, Mention, Resolution,
                             ResolvedMention, Segment, Sentence, Token)

_TYPES = {"person": EntityType.PERSON, "org": EntityType.ORGANISATION, "state": EntityType.STATE,
          "place": EntityType.PLACE}
_LABELS = {EntityType.PERSON: "PERSON", EntityType.ORGANISATION: "ORG", EntityType.STATE: "GPE",
           EntityType.PLACE: "LOC"}
_TAGS = {"VERB": "VBD", "AUX": "MD", "NOUN": "NN", "PROPN": "NNP", "ADP": "IN", "DET": "DT", "PART": "TO",
         "ADJ": "JJ", "PUNCT": ".", "PRON": "PRP", "NUM": "CD", "ADV": "RB", "CCONJ": "CC", "SCONJ": "IN"}

EntitySpec = str | tuple[str, str]  # key, or (key, kind)


def _tokens(table: str) -> list[Token]:
    rows = [line.split() for line in table.strip().splitlines() if line.strip()]
    tokens: list[Token] = []
    offset = 0
    for i, row in enumerate(rows):
        if len(row) != 4:
            raise ValueError(f"line {i + 1}: want TEXT POS DEP HEAD, got {row}")
        word, pos, dep, head = row
        text, _, lemma = word.partition("|")
        pos, _, tag = pos.partition(":")
        h = int(head)
        tokens.append(Token(i=i, start=offset, end=offset + len(text), text=text, lemma=lemma or text.lower(),
                            pos=pos, tag=tag or _TAGS.get(pos, pos), dep=dep, head=i if h == 0 else h - 1))
        offset += len(text) + 1
    return tokens


def _find(tokens: list[Token], surface: str) -> tuple[int, int]:
    words = surface.split()
    for k in range(len(tokens) - len(words) + 1):
        if [t.text for t in tokens[k:k + len(words)]] == words:
            return tokens[k].start, tokens[k + len(words) - 1].end
    raise ValueError(f"entity {surface!r} is not a run of tokens of the sentence")


def analyse(table: str, entities: Mapping[str, EntitySpec] | None = None) -> tuple[AnalysedDocument, Resolution]:
    """One hand-parsed sentence as the NLP and resolve stages would hand it on."""
    tokens = _tokens(table)
    text = " ".join(t.text for t in tokens)
    doc = Document(key="t", source="t.txt", text=text, content_hash="sha256:" + "0" * 64,
                   segments=(Segment(0, len(text)),))
    sentence = Sentence(0, len(text), text, None, tuple(tokens))
    found: dict[str, Entity] = {}
    resolved: list[ResolvedMention] = []
    for surface, spec in (entities or {}).items():
        key, kind = (spec, None) if isinstance(spec, str) else spec
        etype = _TYPES[key.split("/", 1)[0]]
        ident = key.split("/", 1)[1]
        iso3 = ident if etype is EntityType.STATE else None
        start, end = _find(tokens, surface)
        hint = f"{kind or 'state'}:{iso3}" if iso3 else None
        mention = Mention(start, end, surface, _LABELS[etype], 0, None, hint, "ruler" if hint else "ner")
        resolved.append(ResolvedMention("t", mention, key))
        name = surface if kind is None else ident
        found.setdefault(key, Entity(key, etype, name, (), iso3))
    analysed = AnalysedDocument(doc, (sentence,), tuple(m.mention for m in resolved))
    return analysed, Resolution(tuple(found.values()), tuple(resolved))


def events(table: str, entities: Mapping[str, EntitySpec] | None = None) -> dict[tuple, Event]:
    """The events the rules read in a hand-parsed sentence: {(type, agent, target): Event}."""
    analysed, resolution = analyse(table, entities)
    offered, located = offered_states(resolution)
    ctx = DocumentContext(analysed, resolution, {**offered, **{e.key: e for e in resolution.entities}})
    ctx.located = located
    return {(e.type, e.agent, e.target): e for e in merge_events(extract_events(ctx))}

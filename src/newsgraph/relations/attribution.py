"""Which roles and events a document only reports someone saying.

An event or membership read from the words of a quotation ("Kowal said
Russia had attacked the border post"; "“Our defence minister Jan Kowal is
in Kyiv,” she said") is the speaker's statement, not the reporter's: its
``according_to`` is set to the quotation (its first span), and the graph
writes ``ng:accordingTo`` the quotation and ``prov:wasAttributedTo`` its
speaker.

Records say which sentence they come from, not which words, so the words
are found again in that sentence:

- an event is inside a quotation when a word of its PLOVER type
  (``event_verbs.csv``; for an AGREE, THREATEN or REQUEST, which the rules
  also make of announced acts and reported obligations, any event word) is
  among the quoted words and none is outside them, or when such words stand
  on both sides and the agent is named only inside;
- a membership is inside when its person is named inside the quoted words
  and nowhere else in the sentence.

A record stated in several sentences is attributed only when every one of
them is inside a quotation (then to the first): what the reporter also
states is not only someone's word.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..types import AnalysedDocument, Event, Membership, Provenance, Quotation, Resolution, Sentence
from .lexicons import RelationLexicons, load_relation_lexicons

STATED_AS_INTENT = frozenset({"AGREE", "THREATEN", "REQUEST"})  # types the rules also give announced acts


def _words_of(lexicons: RelationLexicons, kind: str) -> frozenset[str]:
    if kind in STATED_AS_INTENT:
        return lexicons.event_words
    return lexicons.words_by_type.get(kind, frozenset())


class _Sentences:
    """The document's sentences and, for each, the quotations whose words lie in it."""

    def __init__(self, ad: AnalysedDocument, quotations: Sequence[Quotation]) -> None:
        self.ad = ad
        self.by_span = {(s.start, s.end): s for s in ad.sentences}
        self.quotations = quotations

    def sentence(self, p: Provenance) -> Sentence | None:
        return self.by_span.get((p.sentence_start, p.sentence_end)) if p.document == self.ad.document.key else None

    def inside(self, q: Quotation, start: int, end: int) -> bool:
        return any(b <= start and end <= e for b, e in q.spans)

    def candidates(self, s: Sentence) -> list[Quotation]:
        return [q for q in self.quotations if any(b < s.end and e > s.start for b, e in q.spans)]


def attribute(ad: AnalysedDocument, resolution: Resolution, memberships: Sequence[Membership],
              events: Sequence[Event], quotations: Sequence[Quotation],
              lexicons: RelationLexicons | None = None) -> tuple[list[Membership], list[Event]]:
    """The records with ``according_to`` set on those read from quoted or reported words."""
    if not quotations:
        return list(memberships), list(events)
    lexicons = lexicons or load_relation_lexicons()
    sentences = _Sentences(ad, quotations)
    named: dict[str, list[tuple[int, int]]] = {}
    for rm in resolution.mentions:
        named.setdefault(rm.entity, []).append((rm.mention.start, rm.mention.end))

    def _mentioned(s: Sentence, entity: str) -> list[tuple[int, int]]:
        return [(b, e) for b, e in named.get(entity, ()) if s.start <= b < s.end]

    def source(provenance: Sequence[Provenance], inside) -> tuple[int, int] | None:
        found = []
        for p in provenance:
            s = sentences.sentence(p)
            q = next((q for q in sentences.candidates(s) if inside(q, s)), None) if s is not None else None
            if q is None:
                return None
            found.append(q)
        return found[0].spans[0] if found else None

    def event_inside(ev: Event):
        words = _words_of(lexicons, ev.type)

        def inside(q: Quotation, s: Sentence) -> bool:
            hits = [(t.start, t.end) for t in s.tokens if t.lemma.casefold() in words]
            within = [h for h in hits if sentences.inside(q, *h)]
            if not within:
                return False
            if len(within) == len(hits):
                return True
            agent = _mentioned(s, ev.agent)
            return bool(agent) and all(sentences.inside(q, *m) for m in agent)
        return inside

    def membership_inside(ms: Membership):
        def inside(q: Quotation, s: Sentence) -> bool:
            person = _mentioned(s, ms.person)
            return bool(person) and all(sentences.inside(q, *m) for m in person)
        return inside

    out_m = [replace(m, according_to=source(m.provenance, membership_inside(m))) for m in memberships]
    out_e = [replace(e, according_to=source(e.provenance, event_inside(e))) for e in events]
    return out_m, out_e

"""Where a post read without its organisation takes one from: the rest of its document.

``roles.py`` reads each post with what its own sentence says. A post whose
sentence names no organisation ("President Ada Okafor") then takes one from
what the document says elsewhere, never from outside knowledge, each with
its own extractor name and a lower confidence than the rule that found the
holder, in this order:

- ``roles.fromdocument.v1`` (the finding's confidence x 0.9): the same
  person holds the same post for exactly one organisation elsewhere in the
  document ("Kenyan President X" ... "President X"); for a government post
  (head of state or government, minister), the one state the person holds a
  current government post of ("Ruritania's leader X" ... "President X");
  and "his prime minister, Y" of a person the document has as head of a
  state is that state's (as ``roles.py`` does while reading, now with
  what the whole document gives);
- ``roles.demonym.v1`` (x 0.85): a demonym the lexicon leaves out because
  it fits several states ("Congolese President X") names the one state of
  the document whose name it is made from (the Democratic Republic of the
  Congo, when that is the only Congo the document names);
- ``roles.fromcontext.v1`` (x 0.7 in its sentence, x 0.6 from its
  paragraph's dateline): a government post takes the state the sentence is
  set in by a fronted place adjunct ("In Nairobi, Interior Minister X
  said"), or the state of the dateline that opens its paragraph ("NAIROBI,
  Kenya (Agency) -", "Nairobi, Kenya -"), as news style names officials of the country a story
  is set in by title alone. Not for a holder said to be visiting, nor when
  the sentence has a second untitled holder of the same post ("President X
  met President Y").

The same post's organisation in another document of the build is the
corpus step of ``merge.py`` (``roles.fromcorpus.v1``).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from ..lexicon import slugify
from ..types import EntityType, Membership
from .context import DocumentContext, EntitySpan, SentenceView
from .merge import (
    CONTEXT_ORG,
    DEMONYM_ORG,
    DOCUMENT_ORG,
    ORG_FILL_FACTOR,
    with_organisation,
)
from .syntax import resolve_pronoun
from .titles import TitlePhrase

STATE_POST_KINDS = frozenset({"head", "government", "minister", "diplomat"})  # posts a leader's "his" gives a state
GOVERNMENT_POST_KINDS = frozenset({"head", "government", "minister"})  # posts of a state's government
DATELINE_ENDS = frozenset({"—", "–", "-", "--", "("})
CONTEXT_FACTOR = {"sentence": 0.7, "dateline": 0.6}
# Words of state names that say what kind of state it is, not which one.
_GENERIC_NAME_WORDS = frozenset({"republic", "democratic", "united", "kingdom", "states", "islamic", "federal",
                                 "federated", "people", "peoples", "arab", "socialist", "plurinational",
                                 "bolivarian", "commonwealth", "union", "islands", "island", "the", "and", "of"})
_DEMONYM_ENDINGS = ("ese", "ian", "ean", "an", "i", "ish")


@dataclass(frozen=True)
class Found:
    """A membership as read, with what the document-level step needs to know of its sentence."""

    membership: Membership
    kind: str
    view: SentenceView
    phrase: TitlePhrase | None


def fill_from_document(ctx: DocumentContext, found: list[Found]) -> list[Found]:
    """Posts read without an organisation take one from the rest of the document (see the
    module docstring): a demonym the document settles, the same post's organisation, the
    person's government state, a leader's state for "his" post, then where the sentence is set."""
    found = [_from_demonym(ctx, f) for f in found]
    same_post: dict[tuple[str, str], set[str]] = {}
    government: dict[str, set[str]] = {}
    for f in found:
        m = f.membership
        if m.organisation is None:
            continue
        same_post.setdefault((m.person, slugify(m.role)), set()).add(m.organisation)
        if f.kind in GOVERNMENT_POST_KINDS and not m.former and \
                ctx.entities[m.organisation].type is EntityType.STATE:
            government.setdefault(m.person, set()).add(m.organisation)
    found = [_from_document(f, same_post, government) for f in found]
    leaders: dict[str, set[str]] = {}
    for f in found:
        m = f.membership
        if f.kind == "head" and not (m.former or m.nominated or m.elect) and m.organisation is not None \
                and ctx.entities[m.organisation].type is EntityType.STATE:
            leaders.setdefault(m.person, set()).add(m.organisation)
    sole_leaders = {person: next(iter(states)) for person, states in leaders.items() if len(states) == 1}
    scenes = _Scenes(ctx)
    out = []
    for f in found:
        m = f.membership
        if m.organisation is None and f.phrase is not None:
            state = leaders_state(ctx, f.view, f.phrase, sole_leaders)
            if state is not None:
                m = with_organisation(m, state, DOCUMENT_ORG, ORG_FILL_FACTOR[DOCUMENT_ORG])
            elif f.kind in GOVERNMENT_POST_KINDS and not _visiting(ctx, f.view, f.phrase) \
                    and not _untitled_peer(f, found):
                scene = scenes.of(f.view)
                if scene is not None:
                    state, where = scene
                    m = with_organisation(m, state, CONTEXT_ORG, CONTEXT_FACTOR[where])
        out.append(replace(f, membership=m))
    return out


def _from_document(f: Found, same_post: dict[tuple[str, str], set[str]],
                   government: dict[str, set[str]]) -> Found:
    m = f.membership
    if m.organisation is not None:
        return f
    post = same_post.get((m.person, slugify(m.role)), set())
    states = government.get(m.person, set()) if f.kind in GOVERNMENT_POST_KINDS else set()
    if len(post) == 1:
        m = with_organisation(m, next(iter(post)), DOCUMENT_ORG, ORG_FILL_FACTOR[DOCUMENT_ORG])
    elif not post and len(states) == 1:
        m = with_organisation(m, next(iter(states)), DOCUMENT_ORG, ORG_FILL_FACTOR[DOCUMENT_ORG])
    return replace(f, membership=m)


def _from_demonym(ctx: DocumentContext, f: Found) -> Found:
    """"Congolese President X": an untagged demonym right before the post names the one state of
    the document whose name it is made from ("Congo" + "-lese"), if only one fits."""
    t = f.phrase
    if f.membership.organisation is not None or t is None or t.start < 1:
        return f
    view, k = f.view, t.start - 1
    word = view.tokens[k].text
    if view.span_at(k) is not None or not (word[:1].isupper() and word.isalpha() and len(word) >= 5) \
            or not word.casefold().endswith(_DEMONYM_ENDINGS):
        return f
    states = {key for key in _document_states(ctx) if _made_from(word.casefold(), ctx.entities[key])}
    if len(states) != 1:
        return f
    return replace(f, membership=with_organisation(f.membership, next(iter(states)), DEMONYM_ORG,
                                                   ORG_FILL_FACTOR[DEMONYM_ORG]))


def _document_states(ctx: DocumentContext) -> set[str]:
    return {sp.key for v in ctx.sentences for sp in v.spans if sp.type is EntityType.STATE}


def _made_from(demonym: str, state) -> bool:
    """The demonym is a distinctive word of one of the state's names plus an ending
    ("congolese" from "Congo", "korean" from "Korea", "guinean" from "Guinea")."""
    for name in (state.name, *state.aliases):
        for w in re.findall(r"[a-z]+", name.casefold()):
            stem = w[:-1] if w.endswith(("a", "o", "e")) else w
            if w not in _GENERIC_NAME_WORDS and len(stem) >= 4 and demonym.startswith(stem) \
                    and len(demonym) > len(stem):
                return True
    return False


def _visiting(ctx: DocumentContext, view: SentenceView, t: TitlePhrase) -> bool:
    """"visiting Foreign Minister X", "X, on a visit": the holder is abroad."""
    return any(ctx.words.word_use(view.low(k)) == "visitor" for k in range(max(0, t.start - 2), t.end))


def _untitled_peer(f: Found, found: list[Found]) -> bool:
    """Another holder of the same post in the same sentence, also without an organisation."""
    return any(g.view.index == f.view.index and g.membership.person != f.membership.person
               and g.membership.organisation is None and slugify(g.membership.role) == slugify(f.membership.role)
               for g in found)


class _Scenes:
    """Where a sentence is set: a state named by a fronted place adjunct ("In Kenya, ...",
    "In Nairobi, ...") in the sentence, else by the dateline opening its paragraph."""

    def __init__(self, ctx: DocumentContext) -> None:
        self.ctx = ctx
        text = ctx.document.text
        self.breaks = [m.start() for m in re.finditer(r"\n[ \t]*\n", text)]
        self.datelines: dict[int, str | None] = {}  # paragraph -> the state of its dateline
        for view in ctx.sentences:
            paragraph = self._paragraph(view)
            if paragraph not in self.datelines:
                self.datelines[paragraph] = self._dateline(view)

    def _paragraph(self, view: SentenceView) -> int:
        return bisect_left(self.breaks, view.sentence.start)

    def _state(self, span: EntitySpan | None) -> str | None:
        if span is None:
            return None
        if span.type is EntityType.STATE:
            return span.key
        return self.ctx.state_key(span.iso3) if span.kind == "capital" else None

    def _dateline(self, view: SentenceView) -> str | None:
        """"NAIROBI, Kenya (Agency) -", "NAIROBI -" or "Nairobi, Kenya -": a place opening the
        sentence, then a bracket or a free-standing dash. In capitals anything may come before
        the mark; otherwise only places and commas ("Moscow-based" is no dateline)."""
        toks = view.tokens
        if not toks:
            return None
        first = toks[0].text
        caps = first.isupper() and len(first) > 1 and first.isalpha()
        if not caps and not (first[:1].isupper() and view.span_at(0) is not None):
            return None
        for k in range(1, min(len(toks), 8)):
            if view.low(k) not in DATELINE_ENDS:
                continue
            if view.low(k) != "(" and toks[k - 1].end == toks[k].start:
                return None  # a hyphen inside a word
            if not caps and any(view.span_at(i) is None and view.low(i) != "," for i in range(k)):
                return None
            states = {s for s in (self._state(view.span_at(i)) for i in range(k)) if s is not None}
            return next(iter(states)) if len(states) == 1 else None
        return None

    def _fronted(self, view: SentenceView) -> str | None:
        """"In Kenya, ..." or "In Nairobi on Monday, ...": the first words, up to the first comma."""
        toks = view.tokens
        if len(toks) < 3 or view.low(0) != "in":
            return None
        j = 2 if view.low(1) == "the" else 1
        span = view.span_at(j)
        if span is None or span.start != j:
            return None
        comma = next((k for k in range(span.end, min(len(toks), span.end + 5)) if view.low(k) == ","), None)
        if comma is None or any(view.span_at(k) is not None for k in range(span.end, comma)):
            return None
        return self._state(span)

    def of(self, view: SentenceView) -> tuple[str, str] | None:
        state = self._fronted(view)
        if state is not None:
            return state, "sentence"
        state = self.datelines.get(self._paragraph(view))
        return (state, "dateline") if state is not None else None


def leaders_state(ctx: DocumentContext, view: SentenceView, t: TitlePhrase, leaders: dict[str, str]) -> str | None:
    """"President X ... sent his prime minister, Y": a state post owned by a leader is the leader's state.

    Only a government post ("his prime minister", "her defence minister", "his ambassador") after
    "his"/"her" standing for a person already read as head of a named state."""
    if t.determiner not in {"his", "her"} or t.kind not in STATE_POST_KINDS or t.start >= t.core_start:
        return None
    owner = resolve_pronoun(ctx, view, t.start)
    return leaders.get(owner.key) if owner is not None else None



"""How a sentence commits to an event: asserted, negated or hypothetical.

"X met Y" asserts; "X did not meet Y", "X denied meeting Y" and "X refused
to meet Y" negate; "X is expected to meet Y", "if X meets Y" and "Russia
could strike Kyiv" are hypothetical; "X will meet Y" and the headline "EU to
widen sanctions" are hypothetical too, but told apart as FUTURE: an
announced plan rather than a guess (PLOVER codes such statements as intent).
The cue words are in ``relations_cues.csv``.

Reported speech keeps the modality of the reported clause ("officials said
Russia launched an attack" asserts the attack as reported), except under a
denying verb ("Moscow denied that it attacked").
"""
from __future__ import annotations

from .context import DocumentContext, SentenceView
from .syntax import headline_infinitive

ASSERTED, NEGATED, HYPOTHETICAL = "asserted", "negated", "hypothetical"
FUTURE = "future"  # a hypothetical the text announces as planned: "will meet", "EU to widen sanctions"
REPORTED_FUTURE = frozenset({"would", "'d"})  # future in the past under a speech verb
COMMITTED = "committed"  # an intention stated as a fact: "agreed to send aid", "has vowed to strike"


def _own(ctx: DocumentContext, view: SentenceView, v: int, auxiliaries: bool = True) -> str | None:
    """What the token's own auxiliaries, negation and subordinator say (only the
    subordinator when ``auxiliaries`` is false)."""
    words = ctx.words
    toks = view.tokens
    if not auxiliaries:
        conditional = any(toks[c].dep == "mark" and words.cue(view.low(c), "condition") for c in view.children[v])
        return HYPOTHETICAL if conditional else None
    for c in view.children[v]:
        dep, low = toks[c].dep, view.low(c)
        if dep == "neg" or (dep in {"advmod", "det", "preconj"} and words.cue(low, "negation")):
            return NEGATED
    for c in view.children[v]:
        dep, low = toks[c].dep, view.low(c)
        if dep == "aux" and words.cue(low, "future"):
            return FUTURE
        if dep == "aux" and low in REPORTED_FUTURE and _reported(ctx, view, v):
            return FUTURE  # "X said it would withdraw": the future of reported speech, not a guess
        if dep == "aux" and words.cue(low, "modal"):
            return HYPOTHETICAL
        if dep == "mark" and words.cue(low, "condition"):
            return HYPOTHETICAL
    if headline_infinitive(view, v):
        return FUTURE  # headline future: "EU to widen sanctions on Iran"
    return None


def _reported(ctx: DocumentContext, view: SentenceView, v: int) -> bool:
    """Is ``v`` the verb of a clause reported by a speech verb ("said it would ...")?"""
    toks = view.tokens
    h = toks[v].head
    return toks[v].dep == "ccomp" and h != v and ctx.words.cue(toks[h].lemma, "speech")


def _committed(ctx: DocumentContext, view: SentenceView, h: int) -> str:
    """The modality of what the intention verb ``h`` commits to: a stated intention, which PLOVER codes
    as an event (see intent.py); committed when the commitment is reported as made, else the
    commitment's own negation, guess or plan."""
    outer = verb_modality(ctx, view, h)
    return outer if outer in {NEGATED, HYPOTHETICAL, FUTURE} else COMMITTED


def verb_modality(ctx: DocumentContext, view: SentenceView, v: int) -> str:
    """The modality of the event the verb ``v`` reports."""
    words = ctx.words
    toks = view.tokens
    cur = v
    seen: set[int] = set()
    finite_conjunct = False
    while cur not in seen:
        seen.add(cur)
        own = _own(ctx, view, cur, auxiliaries=not finite_conjunct)
        finite_conjunct = False
        if own is not None:
            return own
        dep, h = toks[cur].dep, toks[cur].head
        if h == cur:
            return ASSERTED
        head_lemma = toks[h].lemma.casefold()
        if dep in {"xcomp", "ccomp", "pcomp", "dobj", "advcl"} and words.cue(head_lemma, "deny"):
            return NEGATED
        if dep == "ccomp" and words.cue(head_lemma, "intent") and toks[h].pos == "VERB":
            return _committed(ctx, view, h)  # "vowed that the EU will stand by Kyiv": in a that-clause
        if dep in {"ccomp", "acl"} and words.cue(head_lemma, "hope") and not words.cue(head_lemma, "speech"):
            return HYPOTHETICAL  # "demanded that X withdraw", "its demand that X withdraw": asked for, not done
        if dep == "xcomp":
            if words.cue(head_lemma, "intent"):
                return _committed(ctx, view, h)  # "agreed to send", "is ready to withdraw"
            if words.cue(head_lemma, "hope"):
                return HYPOTHETICAL
            cur = h  # "began to attack": the governing verb decides
            continue
        if dep == "conj" and not view.kids(cur, "nsubj", "nsubjpass"):
            # Shared auxiliaries: "will meet X and discuss Y"; but a finite verb carries its own tense and
            # takes no auxiliary or negation from its neighbour ("would appeal and accused X").
            finite_conjunct = toks[cur].tag in {"VBD", "VBZ", "VBP"} and not view.kids(cur, "aux", "auxpass")
            cur = h
            continue
        if dep == "advcl":
            if toks[cur].tag in {"VBG", "VBN"} and not view.kids(cur, "nsubj", "nsubjpass", "mark"):
                cur = h  # a participle shares its clause: "will travel to Brussels, meeting X"
                continue
            return ASSERTED
        if dep == "pcomp" and toks[h].pos == "ADP":
            if words.cue(view.low(h), "negation"):
                return NEGATED  # "left without meeting X"
            governor = toks[h].head
            if governor != h and words.cue(toks[governor].lemma, "deny"):
                return NEGATED
            if governor != h and words.cue(toks[governor].lemma, "allege"):
                return HYPOTHETICAL  # "accused X of attacking Y": the accuser's claim, not the report's
            return ASSERTED
        if dep == "acomp" or toks[h].pos == "ADJ":
            cur = h
            continue
        return ASSERTED
    return ASSERTED


def noun_modality(ctx: DocumentContext, view: SentenceView, n: int, carrier: int | None = None) -> str:
    """The modality of an event noun: its own modifiers ("planned talks", "no
    meeting"), then the light verb that carries it ("could launch an attack")."""
    words = ctx.words
    toks = view.tokens
    for c in view.children[n]:
        if toks[c].dep == "det" and words.cue(view.low(c), "negation"):
            return NEGATED
        if toks[c].dep in {"amod", "compound"} and words.cue(view.low(c), "unreal"):
            return HYPOTHETICAL
    if carrier is not None:
        return verb_modality(ctx, view, carrier)
    return ASSERTED

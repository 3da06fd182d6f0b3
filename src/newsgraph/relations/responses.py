"""Denials and rebuttals that answer an earlier act: REJECT events whose
target is found in the discourse rather than in the clause.

News reports an accusation and then its denial, often without naming the
accuser again: "A accused B of arming rebels. B rejected the charge", "A
blamed B for the attack; B denied sending weapons", "... accused him of
fraud, allegations that he denies". The rule (``events.response.v1``) reads a
rebutting verb (``relations_cues.csv`` use ``rebut``: deny, reject,
dismiss...) whose subject is an actor S and whose object is what S rebuts:

- a noun of the ``claim``, ``ruling`` or ``demand`` class of
  ``relations_noun_classes.csv`` ("the charge", "the ruling", "the
  demand"), also through a relative clause ("allegations that S denies");
  its "by"/"from" phrase names the target when it has one ("denied
  accusations from X");
- for "deny" only, a clause or any non-actor object ("denied sending
  weapons", "denied that it ...", "denied wrongdoing").

Without a named source, the target is the agent of the latest event against
S that such a rebuttal answers (an ACCUSE for a claim, a SANCTION or COERCE
for a ruling, a REQUEST for a demand), earlier in the sentence or at most
``LOOK_BACK`` sentences back in the same post. Nothing earlier against S,
nothing emitted: a bare "X denied it" is no event between two actors.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .context import DocumentContext, SentenceView
from .modality import verb_modality
from .syntax import RELATIVE, Actor, relative_head, verb_lemma

LOOK_BACK = 2  # sentences
EXTRACTOR, CONFIDENCE = "events.response.v1", 0.6
ANSWERS = {"claim": frozenset({"ACCUSE"}), "ruling": frozenset({"SANCTION", "COERCE"}),
           "demand": frozenset({"REQUEST"})}
CLAUSE = "claim"  # what a denied clause rebuts: "denied sending weapons" answers an accusation


@dataclass(frozen=True)
class Prior:
    """An event already read: who did what to whom, and in which sentence."""

    sentence: int
    post: int | None
    token: int  # the event word, to tell what comes before a rebuttal in the same sentence
    type: str
    agent: str
    target: str


@dataclass(frozen=True)
class Rebuttal:
    agent: Actor
    target: Actor
    modality: str
    token: int


def _what(ctx: DocumentContext, view: SentenceView, v: int, lemma: str) -> tuple[str | None, int | None]:
    """What the verb rebuts (a class of ``ANSWERS``) and the noun that says it, if any."""
    toks = view.tokens
    objects = view.kids(v, "dobj")
    clause_of_noun = toks[v].dep in {"relcl", "acl"}  # the parser hangs "allegations that he denies" either way
    if objects and view.low(objects[0]) in RELATIVE:
        head = relative_head(view, objects[0])
        if head is None and clause_of_noun:
            head = toks[v].head
        objects = [head] if head is not None else []
    elif not objects and clause_of_noun and not view.kids(v, "ccomp", "xcomp"):
        objects = [toks[v].head]  # "allegations he denies"
    for o in objects:
        for cls in ANSWERS:
            if ctx.words.in_class(toks[o].lemma, cls):
                return cls, o
    if lemma == "deny":
        if objects and view.span_at(objects[0]) is None:
            return CLAUSE, None  # "denied wrongdoing", "denied any involvement"
        if not objects and view.kids(v, "ccomp", "xcomp"):
            return CLAUSE, None  # "denied sending weapons", "denied that it had..."
    return None, None


def _source(ctx: DocumentContext, view: SentenceView, noun: int, actor_of: Callable) -> list[Actor]:
    """Who made the claim, when the noun says so: "accusations from X", "the ruling by X"."""
    out: list[Actor] = []
    for p in view.kids(noun, "prep"):
        if view.low(p) in {"from", "by"}:
            for o in view.kids(p, "pobj"):
                out.extend(actor_of(o))
    return out


def rebuttals(ctx: DocumentContext, view: SentenceView, history: list[Prior],
              agents_of: Callable[[int], list[Actor]], actors_at: Callable[[int], list[Actor]]) -> Iterator[Rebuttal]:
    """REJECT readings of the rebutting verbs of one sentence.

    ``history`` holds the events read so far in the document (this sentence's
    included); ``agents_of`` gives a verb's clause agents and ``actors_at`` the
    actors a token stands for (both from the event rules)."""
    for tok in view.tokens:
        if tok.pos != "VERB":
            continue
        lemma = verb_lemma(view, tok.i, ctx.words.cues.get("rebut", frozenset()))
        if not ctx.words.cue(lemma, "rebut"):
            continue
        what, noun = _what(ctx, view, tok.i, lemma)
        if what is None:
            continue
        agents = agents_of(tok.i)
        if not agents:
            continue
        modality = verb_modality(ctx, view, tok.i)
        sources = _source(ctx, view, noun, actors_at) if noun is not None else []
        for agent in agents:
            targets = sources or _answered(view, history, agent.key, ANSWERS[what], tok.i)
            for target in targets:
                yield Rebuttal(agent, target, modality, tok.i)


def _answered(view: SentenceView, history: list[Prior], key: str, types: frozenset[str], v: int) -> list[Actor]:
    """The agent of the latest event of ``types`` against ``key`` before verb ``v``."""
    for prior in reversed(history):
        if prior.post != view.sentence.post or view.index - prior.sentence > LOOK_BACK:
            break
        if prior.sentence == view.index and prior.token > v:
            continue
        if prior.target == key and prior.type in types and prior.agent != key:
            return [Actor(prior.agent, 0.8)]
    return []


__all__ = ["CONFIDENCE", "EXTRACTOR", "Prior", "Rebuttal", "rebuttals"]
